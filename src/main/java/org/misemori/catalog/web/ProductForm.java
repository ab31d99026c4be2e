package org.misemori.catalog.web;

import org.misemori.catalog.CatalogException;
import org.misemori.catalog.Handle;
import org.misemori.catalog.Product;
import org.misemori.catalog.ProductDetails;
import org.misemori.catalog.TaxClass;

/** The product form as typed; {@link #details()} refuses it with a specific message. */
record ProductForm(String handle, String title, String description, String taxClass) {

	static ProductForm empty() {
		return new ProductForm("", "", "", TaxClass.STANDARD.name());
	}

	static ProductForm of(Product product) {
		return new ProductForm(product.handle().value(), product.title(), product.description(), product.taxClass().name());
	}

	ProductDetails details() {
		return new ProductDetails(new Handle(handle == null ? "" : handle.strip()), title, description, tax());
	}

	private TaxClass tax() {
		for (TaxClass candidate : TaxClass.values()) {
			if (candidate.name().equals(taxClass)) {
				return candidate;
			}
		}
		throw new CatalogException("catalog.tax-class.missing");
	}

}
