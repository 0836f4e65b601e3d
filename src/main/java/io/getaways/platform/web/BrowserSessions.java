package io.getaways.platform.web;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Starts a browser session for a user whose credentials the identity module has checked.
 * The session id changes at sign-in, so an id planted before it (session fixation) opens
 * nothing.
 */
@Component
public class BrowserSessions {

	private final SecurityContextRepository contexts;

	private final RequestCache requests;

	BrowserSessions(BrowserSecurityParts parts) {
		this.contexts = parts.contexts();
		this.requests = parts.requests();
	}

	/**
	 * Signs the user in for the rest of the session; answers where to go next: the page
	 * that asked for a sign-in, else the home page.
	 */
	public String start(HttpServletRequest request, HttpServletResponse response, SignedInUser user,
			Collection<String> authorities) {
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				authorities.stream().map(SimpleGrantedAuthority::new).toList()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		return saved == null ? "/" : localPath(saved.getRedirectUrl());
	}

	/** The signed-in user of the current request, or null. */
	public static SignedInUser currentUser() {
		return PageModel.fromContext();
	}

	/** Only a path on this site, so a crafted saved request cannot send anyone away. */
	private static String localPath(String url) {
		java.net.URI uri = java.net.URI.create(url);
		String path = uri.getRawPath() == null || !uri.getRawPath().startsWith("/") ? "/" : uri.getRawPath();
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

}
