package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The request target rules on their own: what passes, what is refused, and what the
 * refusal names.
 */
class RequestTargetRulesTest {

	private final RequestTargetRules rules = new RequestTargetRules(Map.of("filter", 5, "key", 3), 10,
			List.of("/things/{key}/parts"), Set.of("tag"));

	@Test
	void refusesAParameterGivenTwiceUnlessItMayBeRepeated() {
		assertThat(rules.problemOf("/x?size=1&a=2&size=2"))
			.hasValue("query parameter 'size' is given more than once; give it once");
		assertThat(rules.problemOf("/x?si%7Ae=1&size=2")).isPresent();
		assertThat(rules.problemOf("/x?tag=a&tag=b&tag=c&size=1")).isEmpty();
	}

	@Test
	void acceptsPercentEncodedUtf8PlusAsSpaceAndEmptyValues() {
		assertThat(rules.problemOf("/things/a%2Fb/parts?filter=%E2%82%AC+x&flag&=&a=")).isEmpty();
		assertThat(rules.problemOf("/")).isEmpty();
		assertThat(rules.problemOf("*")).isEmpty();
	}

	@Test
	void namesTheQueryParameterThatHoldsAControlCharacter() {
		assertThat(rules.problemOf("/x?a=1&filter=a%00b"))
			.hasValueSatisfying(problem -> assertThat(problem).contains("query parameter 'filter'", "U+0000"));
		assertThat(rules.problemOf("/x?a=%C2%85"))
			.hasValueSatisfying(problem -> assertThat(problem).contains("'a'", "U+0085"));
		assertThat(rules.problemOf("/x?%0A=1"))
			.hasValueSatisfying(problem -> assertThat(problem).contains("query parameter name", "U+000A"));
	}

	@Test
	void namesThePathVariableFromItsTemplate() {
		assertThat(rules.problemOf("/things/%7F/parts"))
			.hasValueSatisfying(problem -> assertThat(problem).contains("path variable 'key'", "U+007F"));
		assertThat(rules.problemOf("/other/%00"))
			.hasValueSatisfying(problem -> assertThat(problem).contains("path segment 2 '%00'"));
	}

	@Test
	void refusesMalformedEscapesAndBytesThatAreNotUtf8() {
		for (String bad : List.of("%", "%z1", "%1", "%C0%AE", "%ED%A0%80", "%E2%82", "%FF", "%F4%90%80%80")) {
			assertThat(rules.problemOf("/x?filter=" + bad)).as(bad)
				.hasValueSatisfying(problem -> assertThat(problem).contains("'filter'"));
		}
	}

	@Test
	void refusesRawCharactersOutsideRfc3986() {
		for (String bad : List.of("a b", "a\"b", "<", "{", "|", "\\", "^", "`", "#", "\u00e9", "\u0000", "\t")) {
			assertThat(rules.problemOf("/x?a=" + bad)).as(bad).isPresent();
		}
	}

	@Test
	void boundsNamedValuesAndEverythingElse() {
		assertThat(rules.problemOf("/x?filter=12345")).isEmpty();
		assertThat(rules.problemOf("/x?filter=123456"))
			.hasValue("query parameter 'filter' is 6 characters long; at most 5 are accepted");
		assertThat(rules.problemOf("/things/abcd/parts")).hasValueSatisfying(
				problem -> assertThat(problem).contains("path variable 'key' is 4 characters long; at most 3"));
		assertThat(rules.problemOf("/x?other=" + "y".repeat(11))).isPresent();
		assertThat(rules.problemOf("/" + "z".repeat(11))).isPresent();
		assertThat(rules.problemOf("/x?filter=%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC")).isEmpty();
	}

}
