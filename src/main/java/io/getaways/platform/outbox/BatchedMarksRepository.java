package io.getaways.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * The event publication repository with its two per-listener marks, processing and
 * completed by id, handed to {@link CompletionMarks}; everything else, failures and
 * resubmissions included, goes to the repository at once. The registry calls the marks
 * outside a transaction ({@link MarksOutsideTransactions}), so a mark written here at
 * once brings its own.
 */
final class BatchedMarksRepository implements EventPublicationRepository {

	private final EventPublicationRepository delegate;

	private final CompletionMarks marks;

	BatchedMarksRepository(EventPublicationRepository delegate, CompletionMarks marks) {
		this.delegate = delegate;
		this.marks = marks;
	}

	@Override
	public void markProcessing(UUID identifier) {
		if (!marks.offer(new CompletionMarks.Mark(identifier, null))) {
			marks.inOwnTransaction(() -> delegate.markProcessing(identifier));
		}
	}

	@Override
	public void markCompleted(UUID identifier, Instant completionDate) {
		if (!marks.offer(new CompletionMarks.Mark(identifier, completionDate))) {
			marks.inOwnTransaction(() -> delegate.markCompleted(identifier, completionDate));
		}
	}

	@Override
	public TargetEventPublication create(TargetEventPublication publication) {
		return delegate.create(publication);
	}

	@Override
	public void markCompleted(TargetEventPublication publication, Instant completionDate) {
		markCompleted(publication.getIdentifier(), completionDate);
	}

	@Override
	public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
		marks.inOwnTransaction(() -> delegate.markCompleted(event, identifier, completionDate));
	}

	@Override
	public void markFailed(UUID identifier) {
		delegate.markFailed(identifier);
	}

	@Override
	public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
		return delegate.markResubmitted(identifier, resubmissionDate);
	}

	@Override
	public List<TargetEventPublication> findIncompletePublications() {
		return delegate.findIncompletePublications();
	}

	@Override
	public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
		return delegate.findIncompletePublicationsPublishedBefore(instant);
	}

	@Override
	public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
			PublicationTargetIdentifier targetIdentifier) {
		return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
	}

	@Override
	public List<TargetEventPublication> findCompletedPublications() {
		return delegate.findCompletedPublications();
	}

	@Override
	public void deletePublications(List<UUID> identifiers) {
		delegate.deletePublications(identifiers);
	}

	@Override
	public void deleteCompletedPublications() {
		delegate.deleteCompletedPublications();
	}

	@Override
	public void deleteCompletedPublicationsBefore(Instant instant) {
		delegate.deleteCompletedPublicationsBefore(instant);
	}

	@Override
	public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
		return delegate.findFailedPublications(criteria);
	}

	@Override
	public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
		return delegate.findByStatus(status);
	}

	@Override
	public int countByStatus(EventPublication.Status status) {
		return delegate.countByStatus(status);
	}

}
