package org.misemori.notify.dev;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.misemori.MisemoriIntegrationTest;
import org.misemori.notify.MailOutbox;
import org.misemori.notify.Mails;
import org.misemori.notify.OutboundMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** On the embedded default every mail lands in the in-process server and shows at /dev/mail. */
@MisemoriIntegrationTest
class DevMailIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MailOutbox outbox;

	@Test
	void sentMailIsListedNewestFirst() throws Exception {
		String first = Mails.uniqueRecipient("kissa.example.jp");
		String second = Mails.uniqueRecipient("kissa.example.jp");
		outbox.enqueue(new OutboundMail(first, "一通目のお知らせ", "最初の本文です。", "dev:" + first, null));
		await().atMost(Duration.ofSeconds(15)).until(() -> page().contains(first));
		outbox.enqueue(new OutboundMail(second, Mails.SUBJECT, Mails.BODY, "dev:" + second, null));
		await().atMost(Duration.ofSeconds(15)).until(() -> page().contains(second));

		String page = page();
		assertThat(page).contains("一通目のお知らせ", "最初の本文です。", "受信メール", "パスワードを再設定するには");
		assertThat(page.indexOf(second)).as("newest first").isLessThan(page.indexOf(first));
		assertThat(page).doesNotContain("<script", "style=");
	}

	@Test
	void thePageIsInEnglishOnRequest() throws Exception {
		String page = mvc.perform(get("/dev/mail").param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Received mail");
	}

	@Test
	void onlyLoopbackClientsSeeIt() throws Exception {
		mvc.perform(get("/dev/mail").with(request -> {
			request.setRemoteAddr("203.0.113.7");
			return request;
		})).andExpect(status().isNotFound());
	}

	private String page() throws Exception {
		return mvc.perform(get("/dev/mail")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
