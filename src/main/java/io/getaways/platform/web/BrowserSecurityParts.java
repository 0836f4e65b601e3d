package io.getaways.platform.web;

import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where the page chain keeps a session's sign-in and the page that asked for one; shared
 * with {@link BrowserSessions}, which signs users in.
 */
record BrowserSecurityParts(SecurityContextRepository contexts, RequestCache requests) {

}
