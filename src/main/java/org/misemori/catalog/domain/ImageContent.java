package org.misemori.catalog.domain;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.misemori.catalog.CatalogException;
import org.misemori.catalog.ProductImages;

/**
 * Decides by content alone whether an upload is an image we accept, and re-encodes it. The
 * format comes from the magic bytes (never the file name or the declared type); its own ImageIO
 * reader then gives the dimensions from the header, checked before any pixel is decoded (a
 * small file can claim 50,000 × 50,000 pixels and take gigabytes to decode), and only then
 * decodes. The decoded pixels are written out anew, so nothing of the upload survives but its
 * picture: no EXIF (GPS), no comments, no bytes after the image's end (polyglots).
 */
final class ImageContent {

	static final int MAX_SIDE = 6000;

	static final int SMALL_WIDTH = 480;

	private ImageContent() {
	}

	/** A re-encoded image and, if it is wider than a list needs, its smaller rendition. */
	record Encoded(String mediaType, byte[] bytes, int width, int height, byte[] small, int smallWidth, int smallHeight) {
	}

	static Encoded reencode(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw new CatalogException("catalog.image.empty");
		}
		if (upload.length > ProductImages.MAX_BYTES) {
			throw new CatalogException("catalog.image.too-large", ProductImages.MAX_BYTES / (1024 * 1024));
		}
		String format = formatOf(upload);
		BufferedImage decoded = decode(upload, format);
		// JPEG stays JPEG (photos); PNG and GIF become PNG, which keeps transparency.
		boolean jpeg = "jpeg".equals(format);
		byte[] bytes = write(decoded, jpeg);
		int width = decoded.getWidth();
		int height = decoded.getHeight();
		if (width <= SMALL_WIDTH) {
			return new Encoded(jpeg ? "image/jpeg" : "image/png", bytes, width, height, null, 0, 0);
		}
		int smallHeight = Math.max(1, Math.round((float) height * SMALL_WIDTH / width));
		byte[] small = write(scaled(decoded, SMALL_WIDTH, smallHeight), jpeg);
		return new Encoded(jpeg ? "image/jpeg" : "image/png", bytes, width, height, small, SMALL_WIDTH, smallHeight);
	}

	/** The ImageIO format name the magic bytes announce; anything else is refused, active types by name. */
	static String formatOf(byte[] bytes) {
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return "jpeg";
		}
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "png";
		}
		if (startsWith(bytes, 0, 'G', 'I', 'F', '8') && bytes.length > 5 && (bytes[4] == '7' || bytes[4] == '9')
				&& bytes[5] == 'a') {
			return "gif";
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			if (!ImageIO.getImageReadersByFormatName("webp").hasNext()) {
				throw new CatalogException("catalog.image.webp-unsupported");
			}
			return "webp";
		}
		if (looksLikeMarkup(bytes)) {
			throw new CatalogException("catalog.image.markup");
		}
		throw new CatalogException("catalog.image.unknown-type");
	}

	private static BufferedImage decode(byte[] upload, String format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new CatalogException("catalog.image.unreadable");
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width > MAX_SIDE || height > MAX_SIDE) {
				throw new CatalogException("catalog.image.too-many-pixels", width, height, MAX_SIDE);
			}
			BufferedImage image = reader.read(0);
			if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
				throw new CatalogException("catalog.image.unreadable");
			}
			return image;
		}
		catch (IOException | RuntimeException broken) {
			if (broken instanceof CatalogException refused) {
				throw refused;
			}
			// A truncated or malformed file, or one ImageIO cannot decode (CMYK JPEG, say).
			throw new CatalogException("catalog.image.unreadable");
		}
		finally {
			reader.dispose();
		}
	}

	private static byte[] write(BufferedImage image, boolean jpeg) {
		BufferedImage pixels = copyInto(image, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (jpeg) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(0.88f);
			}
			// No metadata passed on: the new file has only what the writer itself needs.
			writer.write(null, new IIOImage(pixels, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** A copy in a plain pixel layout (JPEG has no alpha: transparent parts go white). */
	private static BufferedImage copyInto(BufferedImage image, int type) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
		Graphics2D g = copy.createGraphics();
		try {
			if (type == BufferedImage.TYPE_INT_RGB) {
				g.setColor(java.awt.Color.WHITE);
				g.fillRect(0, 0, image.getWidth(), image.getHeight());
			}
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return copy;
	}

	private static BufferedImage scaled(BufferedImage image, int width, int height) {
		BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = small.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return small;
	}

	private static boolean startsWith(byte[] bytes, int offset, int... magic) {
		if (bytes.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[offset + i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** SVG, HTML or XML: active content a browser could run, named so the owner knows why. */
	private static boolean looksLikeMarkup(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
			.toLowerCase(Locale.ROOT);
		return head.contains("<svg") || head.contains("<html") || head.contains("<!doctype") || head.contains("<?xml")
				|| head.contains("<script") || head.stripLeading().startsWith("<");
	}

}
