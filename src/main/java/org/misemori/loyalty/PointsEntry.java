package org.misemori.loyalty;

import java.time.Instant;

/**
 * One line of a member's points history.
 *
 * @param points signed: earnings positive, uses negative, a cancellation's reversal either
 * @param order null for an expiry
 * @param expiresAt for an EARNED entry, when its points lapse as things stand (a later earning
 *        pushes it on); null for the other kinds
 */
public record PointsEntry(Instant at, PointsKind kind, long points, OrderRef order, Instant expiresAt) {

}
