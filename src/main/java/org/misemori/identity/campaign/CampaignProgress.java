package org.misemori.identity.campaign;

import java.time.Instant;

/** Where a campaign stands: accounts whose holders set a new password, still waiting, and stopped at the deadline. */
public record CampaignProgress(long campaignId, Instant deadline, boolean closed, long reset, long pending,
		long invalidated) {

	public long total() {
		return reset + pending + invalidated;
	}

}
