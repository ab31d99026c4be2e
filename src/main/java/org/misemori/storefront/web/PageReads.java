package org.misemori.storefront.web;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything one shopper's page reads — the product or category, variants, images, the shop's
 * profile, the theme's saved versions — in one read-only transaction. Each of those reads is a
 * transaction of its own when called alone; a product page made four (each a pooled connection,
 * the signed tenant claim, BEGIN and COMMIT: round trips to PostgreSQL that cost more than the
 * queries). Joined here, a page makes one, and sees one snapshot of the shop. Writes (cart
 * changes, orders) never come through here.
 */
@Component
class PageReads {

	private final TransactionTemplate readOnly;

	PageReads(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setReadOnly(true);
		this.readOnly = template;
	}

	<T> T of(Supplier<T> page) {
		return readOnly.execute(status -> page.get());
	}

}
