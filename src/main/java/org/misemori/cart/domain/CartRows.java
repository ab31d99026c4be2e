package org.misemori.cart.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.misemori.cart.CartId;
import org.misemori.catalog.VariantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cart and cart-line rows; row-level security limits every statement to the current shop. */
@Component
class CartRows {

	private final JdbcClient jdbc;

	CartRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A guest's cart only: a member's cart is never opened by its token alone (a signed-out browser keeps the cookie). */
	Optional<CartId> findUnexpiredGuest(byte[] tokenHash, Instant now) {
		return jdbc.sql("SELECT id FROM cart.cart WHERE token_hash = :hash AND expires_at > :now AND member_id IS NULL")
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional()
			.map(CartId::new);
	}

	/** As {@link #findUnexpiredGuest}, the row locked until the transaction ends: it is about to be claimed or merged. */
	Optional<CartId> lockUnexpiredGuest(byte[] tokenHash, Instant now) {
		return jdbc.sql("""
				SELECT id FROM cart.cart WHERE token_hash = :hash AND expires_at > :now AND member_id IS NULL FOR UPDATE""")
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional()
			.map(CartId::new);
	}

	/** The member's most recently changed unexpired cart, locked until the transaction ends. */
	Optional<CartId> lockLatestOfMember(long memberId, Instant now) {
		return jdbc.sql("""
				SELECT id FROM cart.cart WHERE member_id = :member AND expires_at > :now
				ORDER BY updated_at DESC, id DESC LIMIT 1 FOR UPDATE""")
			.param("member", memberId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional()
			.map(CartId::new);
	}

	/** Makes a guest's cart the member's; from then on only that member finds it. */
	void claim(CartId cart, long memberId) {
		jdbc.sql("UPDATE cart.cart SET member_id = :member WHERE id = :id AND member_id IS NULL")
			.param("id", cart.value())
			.param("member", memberId)
			.update();
	}

	/** Adds every line of {@code from} to {@code into} (quantities added, capped at {@code max}). */
	void mergeLines(long shopId, CartId from, CartId into, int max) {
		jdbc.sql("""
				INSERT INTO cart.cart_line (shop_id, cart_id, variant_id, quantity, added_at)
				SELECT :shop, :into, variant_id, quantity, added_at FROM cart.cart_line WHERE cart_id = :from
				ON CONFLICT (shop_id, cart_id, variant_id)
				DO UPDATE SET quantity = LEAST(cart.cart_line.quantity + EXCLUDED.quantity, :max)""")
			.param("shop", shopId)
			.param("from", from.value())
			.param("into", into.value())
			.param("max", max)
			.update();
	}

	/** The cart and (by cascade) its lines. */
	void delete(CartId cart) {
		jdbc.sql("DELETE FROM cart.cart WHERE id = :id").param("id", cart.value()).update();
	}

	/** A guest's unexpired cart, its life extended, in one statement: the common case of an add. */
	Optional<CartId> touchUnexpiredGuest(byte[] tokenHash, Instant now, Instant expiresAt) {
		return jdbc.sql("""
				UPDATE cart.cart SET updated_at = :now, expires_at = :expires
				WHERE token_hash = :hash AND expires_at > :now AND member_id IS NULL RETURNING id""")
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.query(Long.class)
			.optional()
			.map(CartId::new);
	}

	/**
	 * Adds {@code quantity} of the variant (capped at {@code max}) unless that would make the
	 * cart's lines more than {@code maxLines}; false when refused for that.
	 */
	boolean addWithinLimit(long shopId, CartId cart, VariantId variant, int quantity, int max, int maxLines) {
		return jdbc.sql("""
				INSERT INTO cart.cart_line (shop_id, cart_id, variant_id, quantity)
				SELECT :shop, :cart, :variant, :quantity
				WHERE (SELECT count(*) FROM cart.cart_line WHERE cart_id = :cart) < :maxLines
				   OR EXISTS (SELECT 1 FROM cart.cart_line WHERE cart_id = :cart AND variant_id = :variant)
				ON CONFLICT (shop_id, cart_id, variant_id)
				DO UPDATE SET quantity = LEAST(cart.cart_line.quantity + EXCLUDED.quantity, :max)""")
			.param("shop", shopId)
			.param("cart", cart.value())
			.param("variant", variant.value())
			.param("quantity", quantity)
			.param("max", max)
			.param("maxLines", maxLines)
			.update() == 1;
	}

	/** {@code memberId} null for a guest's cart. */
	CartId insert(long shopId, byte[] tokenHash, Long memberId, Instant now, Instant expiresAt) {
		return new CartId(jdbc.sql("""
				INSERT INTO cart.cart (shop_id, token_hash, member_id, created_at, updated_at, expires_at)
				VALUES (:shop, :hash, :member, :now, :now, :expires) RETURNING id""")
			.param("shop", shopId)
			.param("member", memberId, java.sql.Types.BIGINT)
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.query(Long.class)
			.single());
	}

	/** A cart in use stays: each change moves its expiry forward. */
	void touch(CartId cart, Instant now, Instant expiresAt) {
		jdbc.sql("UPDATE cart.cart SET updated_at = :now, expires_at = :expires WHERE id = :id")
			.param("id", cart.value())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/** Adds to an existing line's quantity, capped at {@code max}. */
	void add(long shopId, CartId cart, VariantId variant, int quantity, int max) {
		jdbc.sql("""
				INSERT INTO cart.cart_line (shop_id, cart_id, variant_id, quantity) VALUES (:shop, :cart, :variant, :quantity)
				ON CONFLICT (shop_id, cart_id, variant_id)
				DO UPDATE SET quantity = LEAST(cart.cart_line.quantity + EXCLUDED.quantity, :max)""")
			.param("shop", shopId)
			.param("cart", cart.value())
			.param("variant", variant.value())
			.param("quantity", quantity)
			.param("max", max)
			.update();
	}

	int countLines(CartId cart) {
		return jdbc.sql("SELECT count(*) FROM cart.cart_line WHERE cart_id = :cart")
			.param("cart", cart.value())
			.query(Integer.class)
			.single();
	}

	boolean hasLine(CartId cart, VariantId variant) {
		return jdbc.sql("SELECT count(*) FROM cart.cart_line WHERE cart_id = :cart AND variant_id = :variant")
			.param("cart", cart.value())
			.param("variant", variant.value())
			.query(Integer.class)
			.single() > 0;
	}

	void setQuantity(CartId cart, VariantId variant, int quantity) {
		jdbc.sql("UPDATE cart.cart_line SET quantity = :quantity WHERE cart_id = :cart AND variant_id = :variant")
			.param("cart", cart.value())
			.param("variant", variant.value())
			.param("quantity", quantity)
			.update();
	}

	void remove(CartId cart, VariantId variant) {
		jdbc.sql("DELETE FROM cart.cart_line WHERE cart_id = :cart AND variant_id = :variant")
			.param("cart", cart.value())
			.param("variant", variant.value())
			.update();
	}

	List<StoredLine> lines(CartId cart) {
		return jdbc.sql("SELECT variant_id, quantity FROM cart.cart_line WHERE cart_id = :cart ORDER BY added_at, variant_id")
			.param("cart", cart.value())
			.query((row, n) -> new StoredLine(new VariantId(row.getLong("variant_id")), row.getInt("quantity")))
			.list();
	}

	record StoredLine(VariantId variant, int quantity) {
	}

	void clear(CartId cart) {
		jdbc.sql("DELETE FROM cart.cart_line WHERE cart_id = :cart").param("cart", cart.value()).update();
	}

}
