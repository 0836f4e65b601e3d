// Runs once, when the MongoDB volume is new: the service's own user, limited to its database.
db.getSiblingDB('getaways').createUser({
  user: 'getaways',
  pwd: process.env.GETAWAYS_MONGO_PASSWORD,
  roles: [{ role: 'readWrite', db: 'getaways' }],
});
