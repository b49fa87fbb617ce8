package dev.commitcollector.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.TestInfrastructure;
import org.junit.jupiter.api.Test;

class ReaderRoleTest extends StoreIntegrationTest {

	@Test
	void givesTheReaderExactlyTheConfiguredPasswordWhateverItHoldsAndOnlyReadAccess() throws Exception {
		try (Connection reader = DriverManager.getConnection(TestInfrastructure.servers().jdbcUrl(), "commit_reader",
				READER_PASSWORD); Statement sql = reader.createStatement()) {
			try (ResultSet rows = sql.executeQuery("select count(*) from commits")) {
				assertThat(rows.next()).isTrue();
			}
			assertThatThrownBy(() -> sql.execute("delete from commits")).hasMessageContaining("permission denied");
		}
	}

	@Test
	void refusesAReaderNameThatIsNotAPlainIdentifier() {
		assertThatThrownBy(() -> ReaderRole.placeholders("reader\"; drop table commits; --", "x"))
			.hasMessageContaining("QUERY_DB_USER");
		assertThat(ReaderRole.placeholders("commit_reader", "it's")).containsEntry("reader_password_hex", "69742773");
	}

}
