package dev.commitcollector.query.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.query.domain.CommitEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommitArraysTest {

	private static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

	@Test
	void keepsAPageThatArrivedNewestFirstAsItIs() {
		List<CommitEntry> page = new ArrayList<>(List.of(commit("b", NOON), commit("a", NOON),
				commit("f", NOON.minusSeconds(1)), commit("0", NOON.minusSeconds(60))));
		List<CommitEntry> before = List.copyOf(page);

		assertThat(KeysetReadModel.newestFirst(page)).isSameAs(page).containsExactlyElementsOf(before);
	}

	@Test
	void putsAPageInKeysetOrderWhenItsRowsArriveOutOfIt() {
		List<CommitEntry> page = new ArrayList<>(List.of(commit("0", NOON.minusSeconds(60)), commit("a", NOON),
				commit("f", NOON.minusSeconds(1)), commit("b", NOON)));

		assertThat(KeysetReadModel.newestFirst(page)).extracting(CommitEntry::sha)
			.containsExactly("b".repeat(40), "a".repeat(40), "f".repeat(40), "0".repeat(40));
	}

	private static CommitEntry commit(String shaStart, Instant authoredAt) {
		return new CommitEntry(shaStart.repeat(40).substring(0, 40), authoredAt, authoredAt, "headline");
	}

}
