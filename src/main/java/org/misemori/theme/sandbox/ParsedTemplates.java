package org.misemori.theme.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import liqp.Template;

/**
 * Parsed theme templates kept between renders: parsing (twice, for {@link AutoEscape}) was
 * most of a storefront page's cost. Keyed by shop, path and version: a save or rollback is a
 * new version, so an entry is never stale, on this node or any other — a node that has not
 * seen the new version simply parses it on its first use. Default-theme files (version 0)
 * are the same for every shop and kept once.
 *
 * <p>A liqp {@link Template} keeps the context of the render in progress in a field, so one
 * copy must not be rendered by two requests at once: each key holds copies, a render borrows
 * one (or the caller parses a new one when all are out) and gives it back when it completed. A render
 * that failed or timed out keeps its copies (its thread may still be unwinding), and they are
 * simply dropped. Bounded: at most {@link #MAX_KEYS} keys (all forgotten when full: old
 * versions and closed shops leave that way) and {@link #MAX_COPIES} copies each.
 */
final class ParsedTemplates {

	static final int MAX_KEYS = 5_000;

	static final int MAX_COPIES = 32;

	/** @param shop null for a default-theme file */
	record Key(Long shop, String path, int version) {
	}

	private final Map<Key, Queue<Template>> copies = new ConcurrentHashMap<>();

	/** A free copy of {@code key}, which only the caller uses until {@link #giveBack}; none if all are out or none was kept. */
	Optional<Template> borrow(Key key) {
		Queue<Template> free = copies.get(key);
		return Optional.ofNullable(free == null ? null : free.poll());
	}

	void giveBack(Key key, Template template) {
		Queue<Template> free = copies.get(key);
		if (free == null) {
			if (copies.size() >= MAX_KEYS) {
				copies.clear();
			}
			free = copies.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
		}
		if (free.size() < MAX_COPIES) {
			free.offer(template);
		}
	}

}
