package org.misemori.catalog.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misemori.Databases;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.TestBrowser;
import org.misemori.catalog.Catalog;
import org.misemori.catalog.CatalogFixtures;
import org.misemori.catalog.ProductId;
import org.misemori.catalog.ProductImage;
import org.misemori.catalog.ProductImages;
import org.misemori.catalog.Variant;
import org.misemori.identity.OperatorFixtures;
import org.misemori.identity.staff.StaffAccounts;
import org.misemori.identity.staff.StaffFixtures;
import org.misemori.identity.staff.StaffPermission;
import org.misemori.identity.twofactor.TotpFixtures;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopFixtures;
import org.misemori.platform.TenantContext;
import org.misemori.platform.domain.ShopAdministration;
import org.misemori.vault.ShopVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Product images over real HTTP: uploads judged by their content (never their name or declared
 * type), re-encoded so metadata and appended payloads are gone, active and oversized content
 * refused with a clear reason in Japanese and English, and served cookieless with exact headers,
 * each shop only its own.
 */
@MisemoriIntegrationTest
class ProductImagesIntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private static final String GPS_MARKER = "GPS 35.6895N 139.6917E secret place";

	@LocalServerPort
	int port;

	@Autowired
	ShopAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	ShopVault vault;

	@Autowired
	Environment environment;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Catalog catalog;

	@Autowired
	ProductImages images;

	@Autowired
	MockMvc mvc;

	Shop shop;

	Variant variant;

	@BeforeEach
	void shopWithAProduct() throws SQLException {
		shop = ShopFixtures.zakkaShop(administration);
		variant = CatalogFixtures.publishedProduct(catalog, shop, "輪花皿", 1650, 3);
	}

	@Test
	void aPngAndAJpegAreAcceptedByContentReencodedAndServedCookieless() throws Exception {
		TestBrowser buyer = signedIn("buyer");
		String page = "/admin/products/" + variant.productId().value();
		buyer.get(page);
		HttpResponse<String> png = buyer.postFile(page + "/images", Map.of("alt", "藍色の輪花皿"), "image", "dish.txt",
				"application/octet-stream", png(800, 600));
		assertThat(png.statusCode()).as(png.body()).isEqualTo(302);
		byte[] jpegWithExif = withExif(jpeg(300, 200));
		assertThat(new String(jpegWithExif, StandardCharsets.ISO_8859_1)).contains(GPS_MARKER);
		buyer.get(page);
		assertThat(buyer.postFile(page + "/images", Map.of("alt", ""), "image", "photo.gif", "image/gif", jpegWithExif)
			.statusCode()).isEqualTo(302);

		List<ProductImage> stored = imagesOf(variant.productId());
		assertThat(stored).extracting(ProductImage::mediaType).containsExactly("image/png", "image/jpeg");
		assertThat(stored.get(0).width()).isEqualTo(800);
		assertThat(stored.get(0).smallWidth()).isEqualTo(480);
		assertThat(stored.get(0).smallHeight()).isEqualTo(360);
		assertThat(stored.get(0).alt()).isEqualTo("藍色の輪花皿");
		assertThat(auditCount(508)).isEqualTo(2);

		HttpResponse<byte[]> jpegServed = fetch("/s/" + shop.code() + "/images/" + stored.get(1).fileName() + "?lang=en");
		assertServedAsImage(jpegServed, "image/jpeg");
		String served = new String(jpegServed.body(), StandardCharsets.ISO_8859_1);
		assertThat(served).doesNotContain(GPS_MARKER).doesNotContain("Exif");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpegServed.body()));
		assertThat(decoded.getWidth()).isEqualTo(300);

		HttpResponse<byte[]> small = fetch("/s/" + shop.code() + "/images/" + stored.get(0).smallFileName());
		assertServedAsImage(small, "image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(small.body())).getWidth()).isEqualTo(480);
		// One name, one type: the PNG is not served under a .jpg name.
		assertThat(fetch("/s/" + shop.code() + "/images/" + stored.get(0).hash() + ".jpg").statusCode()).isEqualTo(404);

		// The admin page lists them; removing one is audited and the file is gone.
		assertThat(buyer.get(page).body()).contains(stored.get(0).smallFileName());
		assertThat(buyer.post(page + "/images/remove", Map.of("hash", stored.get(1).hash())).statusCode()).isEqualTo(302);
		assertThat(imagesOf(variant.productId())).hasSize(1);
		assertThat(auditCount(509)).isEqualTo(1);
		assertThat(fetch("/s/" + shop.code() + "/images/" + stored.get(1).fileName()).statusCode()).isEqualTo(404);
	}

	@Test
	void activeBrokenOrOversizedContentIsRefusedWithItsReasonInJapaneseAndEnglish() throws Exception {
		TestBrowser buyer = signedIn("buyer");
		String page = "/admin/products/" + variant.productId().value();
		buyer.get(page);
		byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		byte[] bomb = pngClaiming(50_000, 50_000);
		byte[] oversize = new byte[(int) (5.5 * 1024 * 1024)];
		oversize[0] = (byte) 0xFF;
		oversize[1] = (byte) 0xD8;
		oversize[2] = (byte) 0xFF;
		byte[] text = "just some text, not a picture".getBytes(StandardCharsets.UTF_8);

		refused(buyer, page, svg, "logo.png", "image/png", "SVG や HTML のファイルは受け付けられません");
		refused(buyer, page, html, "photo.jpg", "image/jpeg", "SVG や HTML のファイルは受け付けられません");
		refused(buyer, page, bomb, "bomb.png", "image/png", "50000×50000 ピクセル");
		refused(buyer, page, oversize, "big.jpg", "image/jpeg", "5 MB 以下にしてください");
		refused(buyer, page, text, "a.jpg", "image/jpeg", "画像として受け付けられる形式ではありません");

		buyer.get(page + "?lang=en");
		refused(buyer, page, svg, "logo.png", "image/png", "SVG and HTML files are not accepted");
		refused(buyer, page, bomb, "bomb.png", "image/png", "(50000 × 50000 pixels) is too large");
		refused(buyer, page, oversize, "big.jpg", "image/jpeg", "must be 5 MB or smaller");
		refused(buyer, page, text, "a.jpg", "image/jpeg", "not an image we accept");
		assertThat(imagesOf(variant.productId())).isEmpty();
		assertThat(auditCount(508)).isZero();

		// A JPEG with a ZIP appended (a polyglot) is a picture: accepted, and the ZIP is gone.
		byte[] zip = "PK\u0003\u0004polyglot-payload.txt hidden archive".getBytes(StandardCharsets.ISO_8859_1);
		byte[] polyglot = concat(jpeg(120, 80), zip);
		assertThat(buyer.postFile(page + "/images", Map.of(), "image", "p.jpg", "image/jpeg", polyglot).statusCode())
			.isEqualTo(302);
		ProductImage image = imagesOf(variant.productId()).get(0);
		String stored = new String(fetch("/s/" + shop.code() + "/images/" + image.fileName()).body(),
				StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain("PK\u0003\u0004").doesNotContain("polyglot-payload");
	}

	@Test
	void anotherShopsImageIsNotFoundUnderThisShopAndOnlyProductsStaffUpload() throws Exception {
		Shop other = ShopFixtures.kissaShop(administration);
		Variant theirs = CatalogFixtures.publishedProduct(catalog, other, "珈琲豆", 1200, 5);
		byte[] picture = jpeg(64, 64);
		ProductImage their = TenantContext.callAs(other.id(), () -> images.add(theirs.productId(), picture, "", "test"));
		assertServedAsImage(fetch("/s/" + other.code() + "/images/" + their.fileName()), "image/jpeg");
		assertThat(fetch("/s/" + shop.code() + "/images/" + their.fileName()).statusCode()).isEqualTo(404);
		assertThat(fetch("/s/" + shop.code() + "/images/../" + their.fileName()).statusCode()).isNotEqualTo(200);

		String hash = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";
		StaffFixtures.add(environment, vault, shop, "clerk", "clerk@zakka.example.jp", false, hash, StaffPermission.ORDERS);
		StaffFixtures.add(environment, vault, shop, "lead", "lead@zakka.example.jp", false, hash, StaffPermission.PRODUCTS);
		MockMultipartFile file = new MockMultipartFile("image", "a.jpg", "image/jpeg", jpeg(32, 32));
		String upload = "/admin/products/" + variant.productId().value() + "/images";
		mvc.perform(multipart(upload).file(file).with(csrf()).with(StaffFixtures.signedIn(staff, shop, "clerk")))
			.andExpect(status().isForbidden());
		mvc.perform(multipart(upload).file(file).with(StaffFixtures.signedIn(staff, shop, "lead")))
			.andExpect(status().isForbidden());
		// Another shop's product id is not found from this shop's admin.
		mvc.perform(multipart("/admin/products/" + theirs.productId().value() + "/images").file(file)
			.with(csrf())
			.with(StaffFixtures.signedIn(staff, shop, "lead"))).andExpect(status().isNotFound());
		assertThat(imagesOf(variant.productId())).isEmpty();
	}

	@Test
	void theStorefrontShowsTheImagesWithTheirSizeAndAlternativeText() throws Exception {
		byte[] picture = png(1000, 500);
		ProductImage image = TenantContext.callAs(shop.id(), () -> images.add(variant.productId(), picture, "藍の皿 <b>", "test"));
		String handle = TenantContext.callAs(shop.id(), () -> catalog.find(variant.productId()).orElseThrow())
			.handle()
			.value();
		String product = new String(fetch("/s/" + shop.code() + "/products/" + handle).body(), StandardCharsets.UTF_8);
		assertThat(product).contains("src=\"/s/" + shop.code() + "/images/" + image.fileName() + "\"")
			.contains("alt=\"藍の皿 &lt;b&gt;\"")
			.contains("width=\"1000\" height=\"500\"");
		String search = new String(fetch("/s/" + shop.code() + "/search?q=" + java.net.URLEncoder.encode("輪花", StandardCharsets.UTF_8)).body(),
				StandardCharsets.UTF_8);
		assertThat(search).contains("src=\"/s/" + shop.code() + "/images/" + image.smallFileName() + "\"")
			.contains("loading=\"lazy\" width=\"480\" height=\"240\"");
	}

	private void refused(TestBrowser buyer, String page, byte[] content, String name, String type, String message)
			throws Exception {
		HttpResponse<String> response = buyer.postFile(page + "/images", Map.of("alt", "x"), "image", name, type, content);
		assertThat(response.statusCode()).as(name).isEqualTo(400);
		assertThat(response.body()).as(name).contains(message);
	}

	private TestBrowser signedIn(String loginId) throws Exception {
		StaffFixtures.add(environment, vault, shop, loginId, loginId + "@zakka.example.jp", false,
				passwords.encode(OperatorFixtures.PASSPHRASE), StaffPermission.PRODUCTS);
		TestBrowser browser = new TestBrowser(port);
		browser.get("/admin/login");
		browser.post("/admin/login",
				Map.of("shopCode", shop.code().value(), "loginId", loginId, "password", OperatorFixtures.PASSPHRASE));
		String secret = TestBrowser.find(SECRET, browser.get("/admin/2fa/enrol"));
		browser.post("/admin/2fa/enrol", Map.of("code", TotpFixtures.currentCode(secret)));
		assertThat(browser.get("/admin/products").statusCode()).isEqualTo(200);
		return browser;
	}

	private List<ProductImage> imagesOf(ProductId product) {
		return TenantContext.callAs(shop.id(), () -> images.of(product));
	}

	/** Without any cookie jar: what a cookieless asset origin sees. */
	private HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

	private static void assertServedAsImage(HttpResponse<byte[]> response, String type) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Content-Type")).containsExactly(type);
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("public")
			.contains("max-age=31536000")
			.contains("immutable");
		assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline");
		assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1)
			.allSatisfy(csp -> assertThat(csp).startsWith("default-src 'none'"));
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	private int auditCount(int code) throws SQLException {
		try (Connection connection = Databases.asCrossShopRole(environment);
				PreparedStatement select = connection
					.prepareStatement("SELECT count(*) FROM audit.audit_event WHERE type_code = ? AND shop_id = ?")) {
			select.setInt(1, code);
			select.setLong(2, shop.id().value());
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	static byte[] png(int width, int height) throws IOException {
		return encode(picture(width, height), "png");
	}

	static byte[] jpeg(int width, int height) throws IOException {
		return encode(picture(width, height), "jpeg");
	}

	private static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x2B4B7A));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	/** An APP1 Exif segment (with a GPS-looking text) right after the JPEG's SOI marker. */
	private static byte[] withExif(byte[] jpeg) {
		byte[] payload = ("Exif\0\0" + "MM\0*" + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
		segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
		return concat(new byte[] { jpeg[0], jpeg[1] }, segment.array(), java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** A PNG signature and a valid IHDR chunk claiming the given size, and no pixels at all. */
	private static byte[] pngClaiming(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
		ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }).putInt(13).put(ihdr.array())
			.putInt((int) crc.getValue());
		return png.array();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
