import { IConstruct } from 'constructs';
import { brand, isBranded } from '../private/brand';
import { checkReferenceName } from '../private/checks';
import { fail } from '../private/errors';

/** The certificate of an Ingress: issued by cert-manager, or an existing Secret. */
export class IngressTls {
  /** Whether `x` is an IngressTls, from any installed copy of this library. */
  public static isIngressTls(x: any): x is IngressTls {
    return isBranded(x, 'IngressTls');
  }

  /**
   * A certificate issued by a cert-manager ClusterIssuer (`cert-manager.io/cluster-issuer`).
   * @param issuerName the ClusterIssuer, e.g. `letsencrypt`
   * @param secretName where cert-manager stores the certificate; default `<name>-tls`
   */
  public static certManagerClusterIssuer(issuerName: string, secretName?: string): IngressTls {
    return new IngressTls('cert-manager.io/cluster-issuer', issuerName, secretName);
  }

  /**
   * A certificate issued by a cert-manager Issuer in the same namespace (`cert-manager.io/issuer`).
   * @param issuerName the Issuer
   * @param secretName where cert-manager stores the certificate; default `<name>-tls`
   */
  public static certManagerIssuer(issuerName: string, secretName?: string): IngressTls {
    return new IngressTls('cert-manager.io/issuer', issuerName, secretName);
  }

  /** A certificate already stored in a `kubernetes.io/tls` Secret of the namespace. */
  public static existingSecret(secretName: string): IngressTls {
    return new IngressTls(undefined, undefined, secretName);
  }

  private constructor(
    private readonly issuerAnnotation: string | undefined,
    private readonly issuerName: string | undefined,
    private readonly secretName: string | undefined,
  ) {
    brand(this, 'IngressTls');
  }

  /**
   * The Secret name and annotations of the Ingress.
   * @internal
   */
  public _resolve(scope: IConstruct, field: string, defaultSecretName: string): { secretName: string; annotations: Record<string, string> } {
    const annotations: Record<string, string> = {};
    if (this.issuerAnnotation !== undefined) {
      if (typeof this.issuerName !== 'string' || this.issuerName.length === 0) {
        fail(scope, `${field}.issuerName`, 'must name a cert-manager issuer', this.issuerName, "pass the issuer's name, such as 'letsencrypt'");
      }
      annotations[this.issuerAnnotation] = checkReferenceName(scope, `${field}.issuerName`, this.issuerName);
    }
    // Only a cert-manager issuer creates the Secret, so only then may its name default.
    const secretName = checkReferenceName(scope, `${field}.secretName`, this.issuerAnnotation === undefined ? this.secretName : this.secretName ?? defaultSecretName);
    return { secretName, annotations };
  }
}
