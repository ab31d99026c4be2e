package org.misemori.identity;

/** Someone presented a setup token that was wrong, used, superseded or expired. */
public record SetupLinkRejected(String reason) {
}
