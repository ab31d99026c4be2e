package org.misemori.loyalty;

/**
 * A shop's points settings changed; published for the audit log (540), since they decide what
 * every later order earns and when members' points lapse.
 * @param changedBy as {@code <shop code>/<login ID>}
 */
public record PointsSettingsChanged(long shopId, String changedBy, String before, String after) {

}
