package dev.commitcollector.fetcher.forge.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawAuthorTest {

	@ParameterizedTest(name = "[{index}] ''{0}''")
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "Ada Lovelace <ada@example.org>                 | Ada Lovelace                | ada@example.org",
					"<ada@example.org>                              | NULL                        | ada@example.org",
					"Ada Lovelace                                   | Ada Lovelace                | NULL",
					"'   Ada Lovelace   <  ada@example.org  >   '   | Ada Lovelace                | ada@example.org",
					"Ada <The Countess> Lovelace <ada@example.org>  | Ada <The Countess> Lovelace | ada@example.org",
					"Ada <The Countess> Lovelace                    | Ada <The Countess> Lovelace | NULL",
					"Ada Lovelace <>                                | Ada Lovelace                | NULL",
					"Ada Lovelace <ada@example.org                  | Ada Lovelace                | ada@example.org",
					"李小龙 🚀 <bruce@example.cn>                    | 李小龙 🚀                    | bruce@example.cn",
					"'   '                                          | NULL                        | NULL",
					"NULL                                           | NULL                        | NULL" })
	void readsNameAndEmailFromGitsAuthorLine(String raw, String name, String email) {
		assertThat(RawAuthor.parse(raw)).isEqualTo(new RawAuthor(name, email));
	}

}
