package org.misemori.theme.store;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.misemori.platform.ShopId;
import org.misemori.platform.TenantContext;
import org.misemori.theme.ShopTheme;
import org.misemori.theme.ThemeFile;
import org.misemori.theme.ThemeFileSaved;
import org.misemori.theme.ThemeRenderProblem;
import org.misemori.theme.sandbox.LiquidSyntax;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Theme files in {@code theme.template_version}, append-only: the newest row of a path is
 * current. No WHERE on shop_id: row-level security keeps this to the current shop.
 */
@Component
class JdbcShopTheme implements ShopTheme {

	/** As the table's CHECK: the folders a theme has, simple names, no dots but the extension's. */
	static final Pattern PATH = Pattern
		.compile("(layout|templates|snippets|assets|locales)/[a-z0-9][a-z0-9_-]{0,60}\\.(liquid|css|json)");

	private static final String SELECT = "SELECT path, version, body, saved_by, saved_at, restored_from FROM theme.template_version ";

	private final JdbcClient jdbc;

	private final DefaultTheme defaults;

	private final ApplicationEventPublisher events;

	JdbcShopTheme(JdbcClient jdbc, DefaultTheme defaults, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.defaults = defaults;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ThemeFile> current(String path) {
		Optional<ThemeFile> saved = jdbc.sql(SELECT + "WHERE path = :path ORDER BY version DESC LIMIT 1")
			.param("path", path)
			.query(JdbcShopTheme::file)
			.optional();
		return saved.or(() -> builtIn(path));
	}

	@Override
	public Optional<ThemeFile> builtIn(String path) {
		return Optional.ofNullable(defaults.files().get(path)).map(body -> new ThemeFile(path, 0, body, "Misemori", null, null));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Integer> savedVersions() {
		Map<String, Integer> versions = new HashMap<>();
		jdbc.sql("SELECT path, max(version) AS version FROM theme.template_version GROUP BY path")
			.query(row -> {
				versions.put(row.getString("path"), row.getInt("version"));
			});
		return versions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> paths() {
		TreeSet<String> paths = new TreeSet<>(defaults.files().keySet());
		paths.addAll(jdbc.sql("SELECT DISTINCT path FROM theme.template_version").query(String.class).list());
		return List.copyOf(paths);
	}

	@Override
	@Transactional
	public ThemeFile save(String path, String body, String savedBy) {
		requireKnownShape(path);
		if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
			throw new ThemeRenderProblem(ThemeRenderProblem.Kind.TEMPLATE_TOO_LARGE, path, MAX_FILE_BYTES);
		}
		LiquidSyntax.check(path, body);
		return append(path, body, savedBy, null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ThemeFile> versions(String path) {
		return jdbc.sql(SELECT + "WHERE path = :path ORDER BY version DESC").param("path", path).query(JdbcShopTheme::file).list();
	}

	@Override
	@Transactional
	public ThemeFile rollBack(String path, int version, String by) {
		ThemeFile old = jdbc.sql(SELECT + "WHERE path = :path AND version = :version")
			.param("path", path)
			.param("version", version)
			.query(JdbcShopTheme::file)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No version " + version + " of " + path));
		return append(path, old.body(), by, version);
	}

	private ThemeFile append(String path, String body, String by, Integer restoredFrom) {
		ShopId shop = TenantContext.current().orElseThrow(() -> new IllegalStateException("No shop"));
		// Concurrent saves of one path: the primary key refuses the second insert of a version.
		int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM theme.template_version WHERE path = :path")
			.param("path", path)
			.query(Integer.class)
			.single();
		ThemeFile saved = jdbc.sql("""
				INSERT INTO theme.template_version (shop_id, path, version, body, saved_by, restored_from)
				VALUES (:shop, :path, :version, :body, :by, :restoredFrom)
				RETURNING path, version, body, saved_by, saved_at, restored_from""")
			.param("shop", shop.value())
			.param("path", path)
			.param("version", version)
			.param("body", body)
			.param("by", by)
			.param("restoredFrom", restoredFrom)
			.query(JdbcShopTheme::file)
			.single();
		events.publishEvent(new ThemeFileSaved(shop.value(), path, version, restoredFrom, by,
				body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
		return saved;
	}

	private static void requireKnownShape(String path) {
		if (path == null || !PATH.matcher(path).matches()) {
			throw new IllegalArgumentException("Not a theme path: " + path);
		}
	}

	private static ThemeFile file(java.sql.ResultSet row, int number) throws java.sql.SQLException {
		Timestamp at = row.getTimestamp("saved_at");
		Integer restored = row.getObject("restored_from", Integer.class);
		return new ThemeFile(row.getString("path"), row.getInt("version"), row.getString("body"), row.getString("saved_by"),
				at.toInstant(), restored);
	}

}
