/**
 * Forced password-reset campaigns (issue 3 §7). An operator (any accounts of any shop) or a shop
 * owner (their own staff and members) chooses accounts and a deadline; each account is mailed
 * a reset link at once, a sign-in with the old password must set a new one first, and at the
 * deadline every old password not replaced stops working. The selection and the link issuing
 * are set-based SQL, so a campaign over tens of thousands of accounts is a few statements.
 * <p>
 * {@link org.misemori.identity.campaign.CampaignStarted} and
 * {@link org.misemori.identity.campaign.CampaignDeadlinePassed} are for the audit log.
 */
@org.springframework.modulith.NamedInterface("campaign")
package org.misemori.identity.campaign;
