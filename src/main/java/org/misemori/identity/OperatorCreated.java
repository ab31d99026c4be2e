package org.misemori.identity;

/** The first (or a further) operator account was created through a setup link. */
public record OperatorCreated(String loginId) {
}
