package org.misemori.identity.member;

import java.util.List;

import org.misemori.csv.CsvError;
import org.misemori.csv.CsvTable;

/** A member file as read: its rows for the preview, the members it would register, every error. */
public record MemberCsvImport(CsvTable table, List<Member> members, List<CsvError> errors) {

	public MemberCsvImport {
		members = List.copyOf(members);
		errors = List.copyOf(errors);
	}

	public boolean valid() {
		return errors.isEmpty();
	}

	record Member(long line, String email, MemberProfile profile) {
	}

}
