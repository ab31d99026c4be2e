package org.misemori.catalog;

/** A draft is seen by staff only; a published product by shoppers too. */
public enum ProductStatus {

	DRAFT, PUBLISHED

}
