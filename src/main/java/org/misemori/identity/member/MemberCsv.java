package org.misemori.identity.member;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.misemori.csv.CsvEncoding;
import org.misemori.csv.CsvError;
import org.misemori.csv.CsvImportFailed;
import org.misemori.csv.CsvReader;
import org.misemori.csv.CsvRow;
import org.misemori.csv.CsvTable;
import org.misemori.identity.MembersImported;
import org.misemori.identity.domain.CorrectableProblem;
import org.misemori.platform.ShopId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members from a CSV file in the export's columns ({@link MemberRoster#CSV_COLUMNS}), so an
 * export imports back. Each row becomes a 本会員 with a sealed profile and no password they
 * know: they set one through the reset link (no mail is sent from here). 会員番号, 状態 and
 * the two dates are the old shop's and are not taken over. An address the shop already has
 * (found by blind index) or that appears twice is an error of its line. Call as the tenant.
 */
@Service
public class MemberCsv {

	static final String EMAIL = "メールアドレス";

	private static final CsvReader READER = new CsvReader(MemberRecord.CSV_HEADER, Set.of(EMAIL));

	private static final Map<String, String> GENDERS = Map.of("女性", "female", "男性", "male", "その他", "other", "回答しない",
			"unanswered");

	private final JdbcClient jdbc;

	private final MemberSeals seals;

	private final MemberProfiles profiles;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	MemberCsv(JdbcClient jdbc, MemberSeals seals, MemberProfiles profiles, PasswordEncoder passwords,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.seals = seals;
		this.profiles = profiles;
		this.passwords = passwords;
		this.events = events;
	}

	/** The file read and checked row by row; nothing is written. */
	@Transactional(readOnly = true)
	public MemberCsvImport read(ShopId shop, byte[] file, CsvEncoding encoding) {
		CsvTable table = READER.read(file, encoding);
		List<CsvError> errors = new ArrayList<>(table.errors());
		List<MemberCsvImport.Member> members = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		for (CsvRow row : table.rows()) {
			int before = errors.size();
			String email = email(shop, row, seen, errors);
			MemberProfile profile = profile(row, errors);
			if (errors.size() == before) {
				members.add(new MemberCsvImport.Member(row.line(), email, profile));
			}
		}
		return new MemberCsvImport(table, members, errors);
	}

	/** Registers every member of a file read without errors, in one transaction; returns how many. */
	@Transactional
	public int importAll(ShopId shop, MemberCsvImport file, String importer, CsvEncoding encoding) {
		if (!file.valid()) {
			throw new IllegalArgumentException("A file with errors is not imported");
		}
		String unknowable = passwords.encode(randomPassword());
		for (MemberCsvImport.Member member : file.members()) {
			try {
				profiles.registerActive(shop, member.email(), unknowable, member.profile());
			}
			catch (DuplicateKeyException ex) {
				throw new CsvImportFailed(CsvError.at(member.line(), EMAIL, "csv.member.email-taken"), ex);
			}
		}
		events.publishEvent(new MembersImported(shop.value(), importer, file.members().size(), encoding.charsetName()));
		return file.members().size();
	}

	private String email(ShopId shop, CsvRow row, Map<String, Long> seen, List<CsvError> errors) {
		String email;
		try {
			email = MemberAccounts.normalisedEmail(row.get(EMAIL));
		}
		catch (CorrectableProblem ex) {
			errors.add(CsvError.at(row.line(), EMAIL, row.get(EMAIL).isEmpty() ? "csv.error.required" : "staff.error.email"));
			return null;
		}
		Long first = seen.putIfAbsent(email.toLowerCase(java.util.Locale.ROOT), row.line());
		if (first != null) {
			errors.add(CsvError.at(row.line(), EMAIL, "csv.member.email-repeated", first));
		}
		else if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.member_account WHERE email_index = :index)")
			.param("index", seals.emailIndex(shop, email))
			.query(Boolean.class)
			.single()) {
			errors.add(CsvError.at(row.line(), EMAIL, "csv.member.email-taken"));
		}
		return email;
	}

	/** Each field checked on its own, so that every wrong field of the row is named. */
	private static MemberProfile profile(CsvRow row, List<CsvError> errors) {
		int before = errors.size();
		LocalDate birth = birthDate(row, errors);
		String gender = row.get("性別").isEmpty() ? null : GENDERS.getOrDefault(row.get("性別"), row.get("性別"));
		String[] fields = { row.get("氏名"), row.get("フリガナ"), gender, row.get("電話番号"), row.get("郵便番号"),
				row.get("都道府県"), row.get("市区町村・番地"), row.get("建物名"), row.get("職業") };
		String[] columns = { "氏名", "フリガナ", "性別", "電話番号", "郵便番号", "都道府県", "市区町村・番地", "建物名", "職業" };
		for (int i = 0; i < fields.length; i++) {
			String[] only = new String[fields.length];
			only[i] = fields[i];
			try {
				profileOf(only, null);
			}
			catch (CorrectableProblem ex) {
				errors.add(CsvError.at(row.line(), columns[i], ex.messageKey(), ex.arguments()));
			}
		}
		try {
			return errors.size() > before ? null : profileOf(fields, birth);
		}
		catch (CorrectableProblem ex) {
			errors.add(CsvError.at(row.line(), "生年月日", ex.messageKey(), ex.arguments()));
			return null;
		}
	}

	private static MemberProfile profileOf(String[] f, LocalDate birth) {
		return new MemberProfile(f[0], f[1], birth, f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
	}

	/** 1980-01-02 as exported, or 1980/1/2 as Excel saves a date it recognised. */
	private static LocalDate birthDate(CsvRow row, List<CsvError> errors) {
		String cell = row.get("生年月日");
		if (cell.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(cell.replace('/', '-'), DateTimeFormatter.ofPattern("uuuu-M-d"));
		}
		catch (DateTimeParseException ex) {
			errors.add(CsvError.at(row.line(), "生年月日", "csv.member.birth-date", cell));
			return null;
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
