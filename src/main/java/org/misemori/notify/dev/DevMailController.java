package org.misemori.notify.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/mail}: what the embedded mail server received, newest first. It exists on the
 * embedded default only, and answers loopback clients only (behind a local proxy Tomcat
 * puts the forwarded client's address here): anyone else gets the ordinary 404, since the
 * page shows every reset link sent.
 */
@Controller
@ConditionalOnEmbeddedMail
class DevMailController {

	/** Enough to follow a flow; older mail is still on the server, just not listed. */
	private static final int SHOWN = 100;

	private final GreenMail server;

	DevMailController(GreenMail server) {
		this.server = server;
	}

	@GetMapping("/dev/mail")
	String mail(HttpServletRequest request, Model model) {
		if (!fromLoopback(request)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<MimeMessage> received = new ArrayList<>(Arrays.asList(server.getReceivedMessages()));
		List<ReceivedMail> mails = new ArrayList<>();
		for (int i = received.size() - 1; i >= 0 && mails.size() < SHOWN; i--) {
			mails.add(read(received.get(i)));
		}
		model.addAttribute("mails", mails);
		return "dev/mail";
	}

	private static boolean fromLoopback(HttpServletRequest request) {
		try {
			// An IP literal: no name lookup happens here.
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static ReceivedMail read(MimeMessage message) {
		try {
			Address[] to = message.getRecipients(RecipientType.TO);
			String recipients = (to == null) ? ""
					: Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", "));
			Object content = message.getContent();
			String body = (content instanceof String text) ? text : "(" + message.getContentType() + ")";
			return new ReceivedMail(recipients, message.getSubject(), receivedAt(message), body);
		}
		catch (MessagingException | IOException ex) {
			return new ReceivedMail("", "(unreadable: " + ex.getMessage() + ")", null, "");
		}
	}

	private static Instant receivedAt(MimeMessage message) throws MessagingException {
		Date date = (message.getReceivedDate() != null) ? message.getReceivedDate() : message.getSentDate();
		return (date == null) ? null : date.toInstant();
	}

}
