package org.misemori.identity.campaign;

/**
 * A campaign reached its deadline: the old passwords of the accounts still pending no longer work.
 * @param invalidated accounts whose password was invalidated now
 * @param reset accounts whose holders had set a new password in time
 */
public record CampaignDeadlinePassed(long campaignId, int invalidated, int reset) {
}
