package io.getaways.platform.embedded;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 backend with its unique indexes keyed by {@link IndexKeyType}.
 * The file layout, map names and stored bytes are the library's own; only the comparison
 * of index keys is cheaper.
 */
final class IndexedH2Backend extends H2Backend {

	/**
	 * Static because {@code H2Backend}'s constructor already opens the databases of an
	 * existing file, before an instance field here is set. Sharing it is harmless: it
	 * keeps bytes per key object, and a key object belongs to one index.
	 */
	private static final IndexKeyType KEY_TYPE = new IndexKeyType();

	IndexedH2Backend(String fileName) {
		super(fileName);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName);
	}

	/**
	 * An inner class on purpose: {@code H2Database}'s constructor opens the existing
	 * indexes, calling {@link #openOrCreateUniqueIndex} before a field of a subclass
	 * could be set, and javac stores the enclosing instance before that call.
	 */
	private final class Database extends H2Database {

		Database(String databaseName) {
			super(databaseName, IndexedH2Backend.this.getMvStore(), IndexedH2Backend.this.getCursorRegistry());
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			// the map name H2Database gives an index, so its dropIndex and drop find it
			String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
			MVMap<KeyValue, Object> map = IndexedH2Backend.this.getMvStore()
				.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(KEY_TYPE));
			return new UniqueIndex(map, indexName, keys, sparse);
		}

	}

	/** What the library's package-private {@code H2UniqueIndex} does, over our map. */
	private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

		private final MVMap<KeyValue, Object> map;

		UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
			super(name, keys, sparse);
			this.map = map;
		}

		@Override
		protected Object removeDocument(KeyValue key) {
			return map.remove(key);
		}

		@Override
		protected boolean putKeyPosition(KeyValue key, Object position) {
			return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
		}

		@Override
		protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
			return map.entrySet();
		}

		@Override
		protected Object getPosition(KeyValue key) {
			return map.get(key);
		}

		@Override
		public long getCount() {
			return map.sizeAsLong();
		}

		@Override
		public boolean isEmpty() {
			return map.isEmpty();
		}

		@Override
		public long getDataSize() {
			return getCount();
		}

	}

}
