package sandboxpay.cards;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import sandboxpay.payments.CardSummary;
import sandboxpay.payments.Ids;

/** Saved cards per merchant customer reference (a shop's member), in memory. */
@Component
public class SavedCards {

	private final Map<String, Map<String, SavedCard>> byCustomer = new ConcurrentHashMap<>();

	public List<SavedCard> of(String customerReference) {
		if (customerReference == null) {
			return List.of();
		}
		return List.copyOf(byCustomer.getOrDefault(customerReference, Map.of()).values());
	}

	Optional<SavedCard> find(String customerReference, String token) {
		if (customerReference == null || token == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(byCustomer.getOrDefault(customerReference, Map.of()).get(token));
	}

	/** The same card saved twice keeps its first token, so the merchant sees one card, not two. */
	SavedCard save(String customerReference, String number, CardSummary summary) {
		Map<String, SavedCard> cards = byCustomer.computeIfAbsent(customerReference, key -> new ConcurrentHashMap<>());
		synchronized (cards) {
			for (SavedCard card : cards.values()) {
				if (card.number.equals(number) && card.summary().equals(summary)) {
					return card;
				}
			}
			SavedCard card = new SavedCard(Ids.next("tok_"), number, summary);
			cards.put(card.token(), card);
			return card;
		}
	}

}
