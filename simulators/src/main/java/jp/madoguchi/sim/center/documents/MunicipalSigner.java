package jp.madoguchi.sim.center.documents;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import jp.madoguchi.sim.pki.Credential;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** A municipality's detached CMS signature (SHA256withRSA, signer certificate included). */
public final class MunicipalSigner {
    private final Credential credential;
    private final DigestCalculatorProvider digests;
    private final JcaCertStore certificates;

    public MunicipalSigner(Credential credential) {
        this.credential = credential;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
            this.certificates = new JcaCertStore(List.of(credential.certificate()));
        } catch (OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot set up municipal signing: " + e.getMessage(), e);
        }
    }

    /** The DER CMS SignedData over {@code data}, without the data (detached). */
    public byte[] sign(byte[] data) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    .build(
                            new JcaContentSignerBuilder("SHA256withRSA").build(credential.privateKey()),
                            credential.certificate()));
            generator.addCertificates(certificates);
            return generator.generate(new CMSProcessableByteArray(data), false).getEncoded();
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("the municipality could not sign: " + e.getMessage(), e);
        }
    }
}
