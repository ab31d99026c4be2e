package org.misemori.storefront;

/**
 * The owner changed the shop's privacy policy: for the audit log (which text shoppers were shown
 * when can matter in a complaint). Lengths only; the text itself is in the shop's settings.
 */
public record PrivacyPolicyChanged(long shopId, String changedBy, int lengthBefore, int lengthAfter) {
}
