package org.misemori.storefront.web;

import org.misemori.platform.ShopClosed;
import org.misemori.platform.TenantContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Changes committed on this node, for read-your-writes on kept pages: after a shop's
 * read-write transaction commits (an owner's edit, a checkout taking the last unit), or a shop
 * closes, this node's next page of that shop checks the shop's generation at once. Other
 * nodes learn of it at their next refresh ({@link ShopperPageCache}).
 */
@Component
class LocalShopChanges implements TransactionExecutionListener {

	private final ShopperPageCache cache;

	LocalShopChanges(ShopperPageCache cache) {
		this.cache = cache;
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable failure) {
		if (failure == null && !transaction.isReadOnly()) {
			TenantContext.current().ifPresent(cache::suspect);
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ShopClosed closed) {
		cache.suspect(closed.shopId());
	}

}
