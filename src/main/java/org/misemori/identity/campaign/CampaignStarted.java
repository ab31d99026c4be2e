package org.misemori.identity.campaign;

import java.time.Instant;

/**
 * A forced password-reset campaign was created and its mails queued.
 * @param shopId the shop of a shop owner's campaign; {@code null} for an operator's
 * @param accounts how many accounts it reaches
 */
public record CampaignStarted(long campaignId, String actor, Long shopId, int accounts, Instant deadline) {
}
