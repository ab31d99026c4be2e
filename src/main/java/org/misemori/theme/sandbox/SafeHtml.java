package org.misemori.theme.sandbox;

/**
 * Markup that is safe to output as is: the escaped or sanitised result of a filter, or the
 * already-rendered page inside the layout. Only the sandbox makes one — templates' models are
 * plain data ({@code TemplateData}), so no data can claim to be safe. Any other filter applied
 * afterwards turns it back into a string, which is escaped again.
 */
record SafeHtml(String html) {

	@Override
	public String toString() {
		return html;
	}

}
