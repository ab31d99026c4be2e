package org.misemori.catalog.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductImages;
import org.misemori.catalog.ProductPage;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A picture for every demo product that has none, drawn at start-up with Java2D (no network,
 * no image files in the repository): a background colour per category, a shape per product and
 * the product's handle in Latin letters (a server may have no Japanese font). Each goes through
 * the real upload path, so it is checked and re-encoded like a staff upload. Idempotent: a
 * product with an image is left alone.
 */
@Component
@Order(160) // after the demo catalog (150)
@ConditionalOnProperty("misemori.demo.enabled")
class DemoImages implements ApplicationRunner {

	private static final Log LOG = LogFactory.getLog(DemoImages.class);

	/** At the list rendition's width, so no second rendition is made: seeding stays quick. */
	private static final int SIDE = 480;

	private static final Map<String, Color> CATEGORY_COLOURS = Map.of("kitchen", new Color(0xE8D9C4), "tableware",
			new Color(0xD6E4EA), "tea", new Color(0xD9E6CF), "food", new Color(0xF2DCCB), "season", new Color(0xEBD8E4));

	private final ShopDirectory shops;

	private final Catalog catalog;

	private final ProductImages images;

	private final TransactionTemplate transactions;

	DemoImages(ShopDirectory shops, Catalog catalog, ProductImages images, TransactionTemplate transactions) {
		this.shops = shops;
		this.catalog = catalog;
		this.images = images;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		shops.findByCode("demo").ifPresent(this::seed);
	}

	private void seed(Shop demo) {
		long started = System.nanoTime();
		// One transaction: one commit for all, not one per image.
		int added = TenantContext.callAs(demo.id(), () -> transactions.execute(status -> {
			int count = 0;
			for (Product product : everyProduct()) {
				if (images.of(product.id()).isEmpty()) {
					images.add(product.id(), draw(product), product.title(), DemoCatalog.ACTOR);
					count++;
				}
			}
			return count;
		}));
		if (added > 0) {
			LOG.info("Demo shop images: " + added + " drawn in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		}
	}

	private List<Product> everyProduct() {
		List<Product> all = new ArrayList<>();
		ProductPage page;
		int number = 1;
		do {
			page = catalog.list(number++);
			all.addAll(page.products());
		}
		while (page.hasNext());
		return all;
	}

	static byte[] draw(Product product) {
		String handle = product.handle().value();
		String category = DemoProducts.PRODUCTS.stream()
			.filter(p -> p.handle().equals(handle))
			.findFirst()
			.map(p -> p.categories().get(0))
			.orElse("season");
		BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(CATEGORY_COLOURS.getOrDefault(category, Color.LIGHT_GRAY));
			g.fillRect(0, 0, SIDE, SIDE);
			int seed = Math.floorMod(handle.hashCode(), 360);
			g.setColor(Color.getHSBColor(seed / 360f, 0.45f, 0.55f));
			g.setStroke(new BasicStroke(10));
			int size = 180 + seed % 60;
			int x = (SIDE - size) / 2;
			int y = 110 - (size - 180) / 4;
			switch (seed % 4) {
				case 0 -> g.fillOval(x, y, size, size);
				case 1 -> g.fillRoundRect(x, y, size, size, 60, 60);
				case 2 -> g.fillPolygon(new int[] { SIDE / 2, x + size, x }, new int[] { y, y + size, y + size }, 3);
				default -> g.drawOval(x, y, size, size);
			}
			g.setColor(new Color(0x33, 0x33, 0x33));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
			FontMetrics metrics = g.getFontMetrics();
			g.drawString(handle, Math.max(10, (SIDE - metrics.stringWidth(handle)) / 2), SIDE - 50);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
