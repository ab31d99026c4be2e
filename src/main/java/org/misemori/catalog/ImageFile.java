package org.misemori.catalog;

/** The stored bytes of one image rendition and their exact media type, for serving. */
public record ImageFile(String mediaType, byte[] bytes) {
}
