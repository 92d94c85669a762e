import Testing

@testable import BrainExtract

/// One PDF encrypted by qpdf 11 from the same plain file, reduced to what the decryptor needs.
///
/// Generated with `qpdf --object-streams=disable --compress-streams=n --encrypt USER owner BITS`
/// (plus `--use-aes` / `--cleartext-metadata` / `--allow-weak-crypto` as named) from a one-page file whose
/// `/Info` `/Title` is `A secret title string` and whose content stream is `contentStream`.
struct CryptoPDFFixture: Sendable {
    var parameters: PDFEncryptionParameters
    var userPassword: String
    var titleObject: Int
    var encryptedTitle: [UInt8]
    var streamObject: Int
    var encryptedStream: [UInt8]

    static let title = "A secret title string"
    static let contentStream = "BT /F1 12 Tf 72 720 Td (Hello from an encrypted stream) Tj ET\n"
}

extension CryptoPDFFixture: CustomTestStringConvertible {
    var testDescription: String {
        "R\(parameters.r) \(parameters.streamMethod) user password \"\(userPassword)\""
    }

    static let emptyUserPassword = [rc4Revision2, rc4Revision3, aes128Revision4, aes128ClearMetadata, aes256Revision6]
    static let realUserPassword = [rc4Revision2UserPassword, rc4Revision3UserPassword, aes128UserPassword, aes256UserPassword]
    static let all = emptyUserPassword + realUserPassword
    /// `qpdf --encrypt "" owner` (r2.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let rc4Revision2 = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 1,
            r: 2,
            lengthBits: 40,
            o: CryptoHex.bytes("c92422687facee686e373f10b5c7d04738053152f7e2ee30e11c69ec442576ab"),
            u: CryptoHex.bytes("603bf95cabfc670ee28653fe835abe1958b850bc9cb29e013c8647967b01ada8"),
            p: -4,
            firstID: CryptoHex.bytes("11079d120cc2d82ae66b13e2f8b6b6ca"),
            stringMethod: .rc4,
            streamMethod: .rc4
        ),
        userPassword: "",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("4cdb20d4768fb6cccb3c1de9daab36759d233a2026"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("b2cb998739c61e90c780cdf775bd95357641f3fb1c5c77ead8521f470d663201deafd0423645687af506533b0ed4448221b724225b9fe02cf06b88b69e6f")
    )

    /// `qpdf --encrypt "" owner` (r3.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let rc4Revision3 = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 2,
            r: 3,
            lengthBits: 128,
            o: CryptoHex.bytes("566fa873ee33c797cd3b904fdadf814afa34df9a38f6ed41b984e2c6da2aa6f5"),
            u: CryptoHex.bytes("986fe17ec18a678d9bf4146b7326919e0122456a91bae5134273a6db134c87c4"),
            p: -4,
            firstID: CryptoHex.bytes("17f9d636ea70b2ec1551b94e0ab99046"),
            stringMethod: .rc4,
            streamMethod: .rc4
        ),
        userPassword: "",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("7edc77afd4fa0b1a577416a8c33ea1b8de39d03dcd"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("6c8842d5bb30da3a78cdfd6ef840373245b90cc2dc6ef99bb74e89923211743028b69214a3dc7e58ff662f9b86dcd4ebc539141d5852380e902ad3faf225")
    )

    /// `qpdf --encrypt "" owner` (r4.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let aes128Revision4 = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 4,
            r: 4,
            lengthBits: 16,
            o: CryptoHex.bytes("566fa873ee33c797cd3b904fdadf814afa34df9a38f6ed41b984e2c6da2aa6f5"),
            u: CryptoHex.bytes("abf0434ff43cb9cd95b3120e0d8ba7280122456a91bae5134273a6db134c87c4"),
            p: -4,
            firstID: CryptoHex.bytes("7175b54dc95b157048293508267379bf"),
            stringMethod: .aesV2,
            streamMethod: .aesV2
        ),
        userPassword: "",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("da36add16dac0fb2fb81bb2397f30c16840aa91713be0533a1b0b67dcae4e6a46d792d4e39da9921b40b25fa202cba3b"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("e502a20df443ea06206454eba976b38c22dd2e5e3ecaac13b4b9b9c2f3b4b5ae5ceb07ef71edb4514c8763f7d06e1b67eedf2c684602d725a31935a81d6be641b2fab7821dc12190c5867f0faf766bf0")
    )

    /// `qpdf --encrypt "" owner` (r4meta.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let aes128ClearMetadata = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 4,
            r: 4,
            lengthBits: 16,
            o: CryptoHex.bytes("566fa873ee33c797cd3b904fdadf814afa34df9a38f6ed41b984e2c6da2aa6f5"),
            u: CryptoHex.bytes("4bada128a1f248905b45dacbb8e852a50122456a91bae5134273a6db134c87c4"),
            p: -4,
            encryptMetadata: false,
            firstID: CryptoHex.bytes("6ade9a82abf13633d54a610f61fa2797"),
            stringMethod: .aesV2,
            streamMethod: .aesV2
        ),
        userPassword: "",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("5bef857fb5316ce2c63aebae446d642157ecd1feeb7687b5b4c6cbaf410461883daa9d270b0d47c6b6b6e6a8aefab95f"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("89054f6a7fd482461d7b50f8e78c1fcb19a4089480f4f0f788c4d5fffad09cbccf75f2e432b9aa0745dbc0d07a4aded79bf6e941a8f5a6bebdafa3a3c19b5838002f32c5cdba6c2caa54e5364d8695a5")
    )

    /// `qpdf --encrypt "" owner` (r6.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let aes256Revision6 = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 5,
            r: 6,
            lengthBits: 32,
            o: CryptoHex.bytes("6da4e6cbc610def8e567d0d5b3f9c3131cafc9f4f9609f9c9beb31ab9bc52ed592b3d9c3c9190a1d2032510ea12e81ba"),
            u: CryptoHex.bytes("38a7989d9ee92d9ebee684a3b8e2b5ed8adc6c3a250d7f8b69a8416c996fcec3cb0493b0f8b871c77ff5739a8c9fac06"),
            oe: CryptoHex.bytes("77b154a11fb4acc1a286308d60296a215ab97ac785ac4da7daaed6952ddca42e"),
            ue: CryptoHex.bytes("ee45b3e4901579b7223cda3ec5b005658453dd729d5b1156d2c8b6b1819e03e9"),
            perms: CryptoHex.bytes("54276a7cae27fd5abc0fa281839cba2a"),
            p: -4,
            firstID: CryptoHex.bytes("c00d1d808fc39d59aa0e865dd7c35057"),
            stringMethod: .aesV3,
            streamMethod: .aesV3
        ),
        userPassword: "",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("a38a8eea9e3f29b390ac6543d7c9706ce1c16604971a7290ca9766fe90873f080bcd0a26fd089e522a78904c480ee5f8"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("3cad09a10f3e6612e8d6e075e06f040625c6149045ff1f00cc2c377ca5401fa3457196bd802df988b953db66d4277dd2132e0740436cf3e1b0328d1b7370ba36c773ef8863a369def6589d4c9c3dd0ed")
    )

    /// `qpdf --encrypt "user" owner` (r2user.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let rc4Revision2UserPassword = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 1,
            r: 2,
            lengthBits: 40,
            o: CryptoHex.bytes("94e8094419662a774442fb072e3d9f19e9d130ec09a4d0061e78fe920f7ab62f"),
            u: CryptoHex.bytes("6f03392ec09a69246c9e748885f6eb40755ed316c735a172fff402c4cc573392"),
            p: -4,
            firstID: CryptoHex.bytes("1551fb38a42b425b98164ef9b5812431"),
            stringMethod: .rc4,
            streamMethod: .rc4
        ),
        userPassword: "user",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("7f07ae3a33fd02cb72bce8ff194689e9d492c8de4e"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("902aaccc0f5a86249a406bfe721f38aedbec0390247ac9038845c76ca0b18bb9884cadd6cc063c43be869ea91787f2eb3a2426c92c46c66e0b7849764213")
    )

    /// `qpdf --encrypt "user" owner` (r3user.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let rc4Revision3UserPassword = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 2,
            r: 3,
            lengthBits: 128,
            o: CryptoHex.bytes("0ba3835f88f90388e74e54584125ce142be0de24c6b0d37746e075b891756671"),
            u: CryptoHex.bytes("60c98566e6b5264b3650d1184ec527750122456a91bae5134273a6db134c87c4"),
            p: -4,
            firstID: CryptoHex.bytes("94113963a672d9d53244231204520496"),
            stringMethod: .rc4,
            streamMethod: .rc4
        ),
        userPassword: "user",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("f815595faa545d4d4eb7bcad61e99bf6773f9238bf"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("005f7e452d19c12b554787dd3307380e6437615cd08fed3e571462ef2ada0c17917fb18321ed0b1f9eddfece47edaf36138b8abfa2658bf6aee0d1f8b7b7")
    )

    /// `qpdf --encrypt "user" owner` (r4user.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let aes128UserPassword = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 4,
            r: 4,
            lengthBits: 16,
            o: CryptoHex.bytes("0ba3835f88f90388e74e54584125ce142be0de24c6b0d37746e075b891756671"),
            u: CryptoHex.bytes("9622fe968e7e68249cb7d6c757ce9e6b0122456a91bae5134273a6db134c87c4"),
            p: -4,
            firstID: CryptoHex.bytes("6b9421113bd3caf13494c4882470ba72"),
            stringMethod: .aesV2,
            streamMethod: .aesV2
        ),
        userPassword: "user",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("257e3c23a1d94735d60abc5cd80ad9891137796077b9c48b5cfe256a016c9fa8c1089db94f16492a43f5545f06d60973"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("5b7608b285a31eba95e7cf53d2c514aa017e866aa7e03a90ad8f2debd25abc68dd7c53852739547a4cab4de148aa30718ff859446fc060b42920dc08c1b856aee8ba9ec572ccf97b97f025dc749b97c1")
    )

    /// `qpdf --encrypt "user" owner` (r6user.pdf): object 2 holds `/Title`, object 5 the content stream.
    static let aes256UserPassword = CryptoPDFFixture(
        parameters: PDFEncryptionParameters(
            v: 5,
            r: 6,
            lengthBits: 32,
            o: CryptoHex.bytes("64c2941ef476d9ffb38702e617d82a80cf778cb574062a2d7ce9963fe1e9231fcfde83119ecccb601c322891ec6777ab"),
            u: CryptoHex.bytes("da4ecc17f7f9ff3ca406a9f7b678b49627adc3eadd5db887855617a0868f35c8d0668e6cf7de1691002d200d4188185a"),
            oe: CryptoHex.bytes("6eefaf78216c413067b0f54ddb2b8426f4472f2e73828d76be23cd06d0da88bb"),
            ue: CryptoHex.bytes("aa0bf931ed0239d94db5e0cf30a3ed05af09d4f5e42c391028bcb0ff25290063"),
            perms: CryptoHex.bytes("fab7e072969716704189ce23ab41acb7"),
            p: -4,
            firstID: CryptoHex.bytes("e7ac229acd5d69c7173e5a23292d3a07"),
            stringMethod: .aesV3,
            streamMethod: .aesV3
        ),
        userPassword: "user",
        titleObject: 2,
        encryptedTitle: CryptoHex.bytes("b69a4e3c032cda2f6a072647390d64223b8c265974ea7a9efa08cc3c46853a303d0cbf5165fb6fb11d35ef3acabf695d"),
        streamObject: 5,
        encryptedStream: CryptoHex.bytes("92a411969b790cfa16ddd9a9ba19e93ccb1babdeb31cbe0ecca88c8d7dcfcd74f82e74a15ab1dea25c52c95ca3cff11ff0aeabc378117200f555d39b7a82523321ee658035b84fbdb7baae4473e171b4")
    )
}
