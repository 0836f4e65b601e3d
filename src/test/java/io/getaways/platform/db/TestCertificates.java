package io.getaways.platform.db;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority and the server certificates it signs, written as PEM
 * files.
 */
public final class TestCertificates {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final X500Name name;

	private final KeyPair keys;

	private final X509Certificate certificate;

	private TestCertificates(X500Name name, KeyPair keys, X509Certificate certificate) {
		this.name = name;
		this.keys = keys;
		this.certificate = certificate;
	}

	public static TestCertificates authority(String commonName) {
		X500Name name = new X500Name("CN=" + commonName);
		KeyPair keys = rsaKeys();
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = builder(name, name, keys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keys.getPublic()));
			return new TestCertificates(name, keys, sign(builder, keys));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create test CA " + commonName, ex);
		}
	}

	/** Writes this authority's certificate and returns the file. */
	public Path writeCertificate(Path file) {
		return write(file, certificate);
	}

	/**
	 * Issues a server certificate whose only name is the DNS name given, and writes it
	 * and its key (mode 0600, as PostgreSQL demands) next to each other.
	 */
	public ServerFiles issueServer(String dnsName, Path directory) {
		Issued issued = issue(dnsName);
		try {
			Path certificateFile = write(directory.resolve("server.crt"), issued.certificate());
			Path keyFile = Files.createFile(directory.resolve("server.key"),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			return new ServerFiles(certificateFile, write(keyFile, issued.key()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A server certificate whose only name is the DNS name given, with its key. */
	public Issued issue(String dnsName) {
		KeyPair serverKeys = rsaKeys();
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = builder(name, new X500Name("CN=" + dnsName), serverKeys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
				.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(certificate));
			return new Issued(serverKeys.getPrivate(), sign(builder, keys));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot issue a certificate for " + dnsName, ex);
		}
	}

	public record Issued(PrivateKey key, X509Certificate certificate) {
	}

	public record ServerFiles(Path certificate, Path key) {
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM), Date.from(now.minusSeconds(60)),
				Date.from(now.plus(Duration.ofDays(1))), subject, subjectKeys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
			throws GeneralSecurityException {
		try {
			return new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	private static KeyPair rsaKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path write(Path file, Object pemObject) {
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(pemObject);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return Files.writeString(file, pem.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
