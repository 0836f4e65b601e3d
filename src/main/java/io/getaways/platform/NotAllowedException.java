package io.getaways.platform;

/**
 * The caller is known but its role may not do this; answered 403 whichever way the call
 * arrived.
 */
public class NotAllowedException extends DomainException {

	public NotAllowedException(String detail) {
		super(Kind.FORBIDDEN, detail);
	}

}
