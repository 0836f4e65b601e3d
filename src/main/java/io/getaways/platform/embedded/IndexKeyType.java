package io.getaways.platform.embedded;

import java.nio.ByteBuffer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded MongoDB server's unique indexes: the same bytes and the
 * same order as H2's {@link ObjectDataType}, without serializing both keys again at every
 * comparison.
 * <p>
 * {@link KeyValue} is not {@code Comparable}, so {@code ObjectDataType} orders two keys
 * by their Java-serialized bytes, building an {@code ObjectOutputStream} for each side of
 * every step of every B-tree search: a fifth of the service's CPU under the booking
 * benchmark (issue 19). Here each key object is serialized at most once, when it is read
 * from a page or first compared, and its bytes are kept for as long as the object lives
 * (weak keys, compared by identity, so two equal keys of different Java types never share
 * bytes). The order is byte for byte the one existing {@code mongo.mv} files were written
 * in, so they stay readable and no index is rebuilt.
 */
final class IndexKeyType extends ObjectDataType {

	/** {@code ObjectDataType}'s tag for a Java-serialized object. */
	private static final byte SERIALIZED_OBJECT = 19;

	private final Cache<Object, byte[]> bytes = Caffeine.newBuilder().weakKeys().build();

	/**
	 * The key a thread searched for last and its bytes: a B-tree search compares that one
	 * key, always the first argument, with many, so half of the lookups skip the cache.
	 */
	private final ThreadLocal<Object[]> last = ThreadLocal.withInitial(() -> new Object[2]);

	@Override
	public int compare(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a instanceof KeyValue && b instanceof KeyValue) {
			return compareNotNull(searchedBytes(a), bytesOf(b));
		}
		return super.compare(a, b);
	}

	@Override
	public void write(WriteBuffer buff, Object obj) {
		if (obj instanceof KeyValue) {
			byte[] data = bytesOf(obj);
			buff.put(SERIALIZED_OBJECT).putVarInt(data.length).put(data);
		}
		else {
			super.write(buff, obj);
		}
	}

	@Override
	public Object read(ByteBuffer buff) {
		if (buff.get(buff.position()) != SERIALIZED_OBJECT) {
			return super.read(buff);
		}
		buff.get();
		byte[] data = new byte[DataUtils.readVarInt(buff)];
		buff.get(data);
		Object key = deserialize(data);
		bytes.put(key, data);
		return key;
	}

	private byte[] searchedBytes(Object key) {
		Object[] memo = last.get();
		if (memo[0] != key) {
			memo[1] = bytesOf(key);
			memo[0] = key;
		}
		return (byte[]) memo[1];
	}

	private byte[] bytesOf(Object key) {
		return bytes.get(key, ObjectDataType::serialize);
	}

}
