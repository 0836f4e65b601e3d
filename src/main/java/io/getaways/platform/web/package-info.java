/**
 * The HTTP edge shared by every module: problem+json answers, request ids, body limits
 * and the mapping of domain refusals to statuses. Named, so that an adapter with its own
 * answer shape (Travlr) maps statuses the same way.
 */
@org.springframework.modulith.NamedInterface("web")
package io.getaways.platform.web;
