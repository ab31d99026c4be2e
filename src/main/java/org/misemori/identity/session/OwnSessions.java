package org.misemori.identity.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/** A person's own sessions, on any node: listed, and ended one by one or all but the current. */
@Service
public class OwnSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	OwnSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public List<SessionLine> list(String principalName, String currentSessionId) {
		return sessions.findByPrincipalName(principalName)
			.values()
			.stream()
			.map(s -> new SessionLine(s.getId(), s.getCreationTime(), s.getLastAccessedTime(),
					s.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(SessionLine::lastUsed).reversed())
			.toList();
	}

	/** Ends one of the person's sessions; an id that is not theirs ends nothing. */
	public boolean end(String principalName, String sessionId) {
		if (!sessions.findByPrincipalName(principalName).containsKey(sessionId)) {
			return false;
		}
		sessions.deleteById(sessionId);
		return true;
	}

	public void endAllBut(String principalName, String currentSessionId) {
		sessions.findByPrincipalName(principalName)
			.keySet()
			.stream()
			.filter(id -> !id.equals(currentSessionId))
			.forEach(sessions::deleteById);
	}

	/** The id here is the stored one (a hash), never a cookie: safe to put in a form. */
	public record SessionLine(String id, Instant started, Instant lastUsed, boolean current) {
	}

}
