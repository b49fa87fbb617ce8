package dev.commitcollector.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Looks into the commit store with plain JDBC, as an operator would. */
public final class StoredCommits {

	private StoredCommits() {
	}

	public static long count(String sql, Object... args) {
		try (Connection c = connection(); var statement = c.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first column of the first row as text, or {@code null}. */
	public static String text(String sql, Object... args) {
		try (Connection c = connection(); var statement = c.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static long commits(String repository) {
		return count("select count(*) from commits where repository = ?", repository);
	}

	public static List<String> authors(String repository) {
		try (Connection c = connection();
				var statement = c.prepareStatement(
						"select author_key || '=' || commit_count from authors where repository = ? order by author_key")) {
			statement.setString(1, repository);
			List<String> authors = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					authors.add(rows.getString(1));
				}
			}
			return authors;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Connection connection() throws SQLException {
		var servers = TestInfrastructure.servers();
		return DriverManager.getConnection(servers.jdbcUrl(), servers.user(), servers.password());
	}

}
