#!/bin/sh
# A throw-away certificate authority and one server certificate naming postgres, mongo, redis and localhost, for
# compose.tls.yaml. Valid 825 days; `getaways doctor` warns 30 days before the CA or the server certificate expires.
set -eu
cd "$(dirname "$0")"
openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj "/CN=Getaways development CA" \
  -keyout ca.key -out ca.crt
openssl req -newkey rsa:3072 -nodes -subj "/CN=getaways-stores" -keyout server.key -out server.csr
printf 'subjectAltName=DNS:postgres,DNS:mongo,DNS:redis,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -extfile server.ext \
  -out server.crt
cat server.key server.crt > server.pem
# the servers' users in the images (postgres 999, mongodb 999, redis 999) must read them through the bind mount
chmod 0644 ca.crt server.crt server.key server.pem
rm -f server.csr server.ext ca.srl
echo "written: $(pwd)/ca.crt, server.crt, server.key, server.pem"
