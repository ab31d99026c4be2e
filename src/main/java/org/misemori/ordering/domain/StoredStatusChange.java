package org.misemori.ordering.domain;

import java.time.Instant;

record StoredStatusChange(String from, String to, Instant at, String by) {
}
