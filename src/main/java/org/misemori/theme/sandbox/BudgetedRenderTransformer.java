package org.misemori.theme.sandbox;

import liqp.RenderTransformer;
import liqp.TemplateContext;

/**
 * Appends rendered pieces as liqp's default does, checking the budget after each: the whole
 * page, and every block inside it, stays within the output limit and the time limit.
 */
final class BudgetedRenderTransformer implements RenderTransformer {

	private final RenderBudget budget;

	BudgetedRenderTransformer(RenderBudget budget) {
		this.budget = budget;
	}

	@Override
	public ObjectAppender.Controller newObjectAppender(TemplateContext context, int estimatedNumberOfAppends) {
		StringBuilder result = new StringBuilder();
		return new ObjectAppender.Controller() {

			@Override
			public void append(Object piece) {
				result.append(piece);
				budget.checkSize(result);
				budget.checkTime();
			}

			@Override
			public Object getResult() {
				return result.toString();
			}

		};
	}

	@Override
	public Object transformObject(TemplateContext context, Object object) {
		return String.valueOf(object);
	}

}
