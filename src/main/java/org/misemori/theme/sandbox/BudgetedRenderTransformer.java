package org.misemori.theme.sandbox;

import liqp.RenderTransformer;
import liqp.TemplateContext;

/**
 * Appends rendered pieces as liqp's default does, checking the budget after each: the whole
 * page, and every block inside it, stays within the output limit and the time limit. The budget
 * is the render's own: one parser (and this transformer) serves every render.
 */
final class BudgetedRenderTransformer implements RenderTransformer {

	/** Shared by every render of one parser: the budget is the render's own ({@link Sandbox#rendering()}). */
	static final BudgetedRenderTransformer INSTANCE = new BudgetedRenderTransformer();

	private BudgetedRenderTransformer() {
	}

	@Override
	public ObjectAppender.Controller newObjectAppender(TemplateContext context, int estimatedNumberOfAppends) {
		RenderBudget budget = Sandbox.rendering().budget();
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
