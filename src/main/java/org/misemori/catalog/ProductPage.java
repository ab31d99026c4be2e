package org.misemori.catalog;

import java.util.List;

/** One page of a product list, numbered from 1. */
public record ProductPage(List<Product> products, int page, boolean hasNext) {

	public static final int SIZE = 24;

	public ProductPage {
		products = List.copyOf(products);
	}

}
