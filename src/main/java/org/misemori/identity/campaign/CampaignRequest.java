package org.misemori.identity.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a person asked for, checked: which accounts and until when. Oversize input is refused
 * before it is split, and a list entry is a login ID or a mail address, compared in lower case.
 */
public record CampaignRequest(Selection selection, List<String> listed, Instant deadline) {

	static final int MAX_LIST_CHARS = 400_000;

	static final int MAX_ENTRIES = 10_000;

	static final Duration LONGEST_DEADLINE = Duration.ofDays(90);

	/** Shop deadlines are typed in Japan's time, as everything else in the shop admin. */
	static final ZoneId SHOP_TIME = ZoneId.of("Asia/Tokyo");

	public CampaignRequest {
		listed = List.copyOf(listed);
	}

	/** The form's fields, checked; a {@link CampaignProblem} names the first thing to put right. */
	public static CampaignRequest of(String selection, String list, String deadline, Clock clock) {
		Selection chosen = selectionOf(selection);
		List<String> entries = chosen == Selection.LIST ? entriesOf(list) : List.of();
		return new CampaignRequest(chosen, entries, deadlineOf(deadline, clock));
	}

	String[] keys() {
		return listed.toArray(String[]::new);
	}

	private static Selection selectionOf(String selection) {
		try {
			return Selection.valueOf(selection == null ? "" : selection.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new CampaignProblem("campaign.error.selection");
		}
	}

	private static List<String> entriesOf(String list) {
		String text = list == null ? "" : list;
		if (text.length() > MAX_LIST_CHARS) {
			throw new CampaignProblem("campaign.error.list-too-long", MAX_ENTRIES);
		}
		List<String> entries = Arrays.stream(text.split("[\\s,;]+"))
			.filter(entry -> !entry.isEmpty())
			.map(entry -> entry.toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		if (entries.isEmpty()) {
			throw new CampaignProblem("campaign.error.no-accounts");
		}
		if (entries.size() > MAX_ENTRIES) {
			throw new CampaignProblem("campaign.error.list-too-long", MAX_ENTRIES);
		}
		if (entries.stream().anyMatch(entry -> entry.length() > 320)) {
			throw new CampaignProblem("campaign.error.entry-too-long");
		}
		return entries;
	}

	private static Instant deadlineOf(String deadline, Clock clock) {
		Instant when;
		if (deadline != null && deadline.length() > 40) {
			throw new CampaignProblem("campaign.error.deadline-format");
		}
		try {
			when = LocalDateTime.parse(deadline == null ? "" : deadline.strip()).atZone(SHOP_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new CampaignProblem("campaign.error.deadline-format");
		}
		if (!when.isAfter(clock.instant())) {
			throw new CampaignProblem("campaign.error.deadline-past");
		}
		if (when.isAfter(clock.instant().plus(LONGEST_DEADLINE))) {
			throw new CampaignProblem("campaign.error.deadline-far", LONGEST_DEADLINE.toDays());
		}
		return when;
	}

}
