package org.misemori.catalog.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.misemori.catalog.ImageFile;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.ProductImage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Product image rows; row-level security keeps every statement to the current shop. */
@Component
class ProductImageRows {

	private static final String COLUMNS = "product_id, hash, position, alt_text, media_type, width, height, "
			+ "coalesce(small_width, 0) AS small_width, coalesce(small_height, 0) AS small_height";

	private final JdbcClient jdbc;

	ProductImageRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False when the product already has this very image. */
	boolean insert(long shopId, ProductId product, String hash, String alt, ImageContent.Encoded image) {
		return jdbc.sql("""
				INSERT INTO catalog.product_image (shop_id, product_id, hash, position, alt_text, media_type, width,
				       height, bytes, small_width, small_height, small_bytes)
				SELECT :shop, :product, :hash,
				       coalesce((SELECT max(position) + 1 FROM catalog.product_image WHERE product_id = :product), 0),
				       :alt, :mediaType, :width, :height, :bytes, :smallWidth, :smallHeight, :smallBytes
				ON CONFLICT DO NOTHING""")
			.param("shop", shopId)
			.param("product", product.value())
			.param("hash", hash)
			.param("alt", alt)
			.param("mediaType", image.mediaType())
			.param("width", image.width())
			.param("height", image.height())
			.param("bytes", image.bytes())
			.param("smallWidth", image.small() == null ? null : image.smallWidth())
			.param("smallHeight", image.small() == null ? null : image.smallHeight())
			.param("smallBytes", image.small())
			.update() == 1;
	}

	int count(ProductId product) {
		return jdbc.sql("SELECT count(*) FROM catalog.product_image WHERE product_id = :product")
			.param("product", product.value())
			.query(Integer.class)
			.single();
	}

	boolean delete(ProductId product, String hash) {
		return jdbc.sql("DELETE FROM catalog.product_image WHERE product_id = :product AND hash = :hash")
			.param("product", product.value())
			.param("hash", hash)
			.update() == 1;
	}

	List<ProductImage> of(Collection<Long> products) {
		if (products.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.product_image WHERE product_id = ANY(:products) "
				+ "ORDER BY product_id, position")
			.param("products", products.toArray(Long[]::new))
			.query(ProductImageRows::image)
			.list();
	}

	Optional<ImageFile> file(String hash, boolean small) {
		return jdbc.sql("""
				SELECT media_type, CASE WHEN :small THEN coalesce(small_bytes, bytes) ELSE bytes END AS bytes
				FROM catalog.product_image WHERE hash = :hash LIMIT 1""")
			.param("small", small)
			.param("hash", hash)
			.query((rs, n) -> new ImageFile(rs.getString("media_type"), rs.getBytes("bytes")))
			.optional();
	}

	private static ProductImage image(ResultSet rs, int row) throws SQLException {
		return new ProductImage(new ProductId(rs.getLong("product_id")), rs.getString("hash"), rs.getInt("position"),
				rs.getString("alt_text"), rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"),
				rs.getInt("small_width"), rs.getInt("small_height"));
	}

}
