package org.misemori.identity.demo;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.misemori.identity.member.MemberProfile;
import org.misemori.identity.member.MemberProfiles;
import org.misemori.platform.Shop;
import org.misemori.platform.ShopDirectory;
import org.misemori.platform.TenantContext;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo shop's members on the embedded default, so that anyone can see encryption at work:
 * the admin shows them, a dump of the database shows only ciphertext. Everyone here is
 * fictitious. They have passwords nobody knows; "forgot password" on the storefront mails a
 * reset link to /dev/mail.
 */
@Component
@Order(200) // after the demo shop itself
@ConditionalOnProperty("misemori.demo.enabled")
class DemoMembers implements ApplicationRunner {

	private static final Log LOG = LogFactory.getLog(DemoMembers.class);

	private final ShopDirectory shops;

	private final MemberProfiles profiles;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	DemoMembers(ShopDirectory shops, MemberProfiles profiles, JdbcClient jdbc, TransactionTemplate transactions,
			PasswordEncoder passwords) {
		this.shops = shops;
		this.profiles = profiles;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.passwords = passwords;
	}

	@Override
	public void run(ApplicationArguments args) {
		shops.findByCode("demo").ifPresent(this::seed);
	}

	private void seed(Shop demo) {
		TenantContext.runAs(demo.id(), () -> transactions.executeWithoutResult(status -> {
			if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.member_account)").query(Boolean.class).single()) {
				return;
			}
			String unknowable = passwords.encode(randomPassword());
			DEMO_MEMBERS.forEach(m -> profiles.registerActive(demo.id(), m.email(), unknowable, m.profile()));
			LOG.info("Seeded the demo shop's " + DEMO_MEMBERS.size() + " members, stored encrypted");
		}));
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	record DemoMember(String email, MemberProfile profile) {

		static DemoMember of(String email, String name, String kana, String birthDate, String gender, String phone,
				String postalCode, String prefecture, String address, String building, String occupation) {
			return new DemoMember(email, new MemberProfile(name, kana, LocalDate.parse(birthDate), gender, phone, postalCode,
					prefecture, address, building, occupation));
		}

	}

	static final List<DemoMember> DEMO_MEMBERS = List.of(
			DemoMember.of("hanako.yamada@example.jp", "山田 花子", "ヤマダ ハナコ", "1985-04-12", "female", "090-1111-2001", "100-0005", "東京都", "千代田区丸の内1-1-1", "丸の内デモビル 12階", "会社員"),
			DemoMember.of("ichiro.sato@example.jp", "佐藤 一郎", "サトウ イチロウ", "1972-11-03", "male", "080-2222-3002", "530-0001", "大阪府", "大阪市北区梅田2-2-2", null, "自営業"),
			DemoMember.of("yui.suzuki@example.jp", "鈴木 結衣", "スズキ ユイ", "1998-07-21", "female", "070-3333-4003", "060-0005", "北海道", "札幌市中央区北五条西3-3", "さっぽろハイツ 203", "学生"),
			DemoMember.of("kenta.takahashi@example.jp", "高橋 健太", "タカハシ ケンタ", "1990-01-30", "male", "090-4444-5004", "460-0008", "愛知県", "名古屋市中区栄4-4-4", null, "公務員"),
			DemoMember.of("misaki.tanaka@example.jp", "田中 美咲", "タナカ ミサキ", "1988-09-09", "female", "080-5555-6005", "812-0011", "福岡県", "福岡市博多区博多駅前5-5", "博多グリーンマンション 501", "看護師"),
			DemoMember.of("shota.ito@example.jp", "伊藤 翔太", "イトウ ショウタ", "2001-03-15", "male", "070-6666-7006", "980-0021", "宮城県", "仙台市青葉区中央6-6-6", null, "学生"),
			DemoMember.of("sakura.watanabe@example.jp", "渡辺 さくら", "ワタナベ サクラ", "1979-05-05", "female", "090-7777-8007", "600-8216", "京都府", "京都市下京区烏丸通七条下る7", "烏丸レジデンス 702", "主婦・主夫"),
			DemoMember.of("daisuke.nakamura@example.jp", "中村 大輔", "ナカムラ ダイスケ", "1983-12-24", "male", "080-8888-9008", "730-0011", "広島県", "広島市中区基町8-8", null, "会社員"),
			DemoMember.of("aoi.kobayashi@example.jp", "小林 葵", "コバヤシ アオイ", "1995-06-18", "other", "070-9999-1009", "900-0015", "沖縄県", "那覇市久茂地9-9", "久茂地テラス 9階", "デザイナー"),
			DemoMember.of("takumi.kato@example.jp", "加藤 拓海", "カトウ タクミ", "1969-08-08", "male", "090-1212-3410", "380-0846", "長野県", "長野市旭町1-10", null, "農業"),
			DemoMember.of("yoko.yoshida@example.jp", "吉田 陽子", "ヨシダ ヨウコ", "1956-02-11", "female", "080-2323-4511", "790-0003", "愛媛県", "松山市三番町11-1", null, "無職"),
			DemoMember.of("ren.yamaguchi@example.jp", "山口 蓮", "ヤマグチ レン", "2003-10-01", "unanswered", "070-3434-5612", "260-0013", "千葉県", "千葉市中央区中央12-12", "中央コーポ 12", "学生"),
			DemoMember.of("mai.matsumoto@example.jp", "松本 舞", "マツモト マイ", "1992-04-04", "female", "090-4545-6713", "220-0012", "神奈川県", "横浜市西区みなとみらい13-1", "みなとみらいタワー 1301", "会社員"),
			DemoMember.of("haruto.inoue@example.jp", "井上 陽翔", "イノウエ ハルト", "1987-07-07", "male", "080-5656-7814", "330-0854", "埼玉県", "さいたま市大宮区桜木町14-2", null, "エンジニア"),
			DemoMember.of("rin.kimura@example.jp", "木村 凛", "キムラ リン", "1999-12-12", "female", "070-6767-8915", "950-0086", "新潟県", "新潟市中央区花園15-3", "花園ハイツ 305", "販売員"),
			DemoMember.of("sota.hayashi@example.jp", "林 颯太", "ハヤシ ソウタ", "1975-03-03", "male", "090-7878-9016", "420-0851", "静岡県", "静岡市葵区黒金町16-4", null, "教員"),
			DemoMember.of("nanami.shimizu@example.jp", "清水 七海", "シミズ ナナミ", "1993-08-25", "female", "080-8989-1117", "700-0024", "岡山県", "岡山市北区駅元町17-5", null, "薬剤師"),
			DemoMember.of("yamato.yamazaki@example.jp", "山崎 大和", "ヤマザキ ヤマト", "1981-05-20", "male", "070-9090-2218", "860-0805", "熊本県", "熊本市中央区桜町18-6", "桜町パーク 806", "会社役員"),
			DemoMember.of("koharu.mori@example.jp", "森 小春", "モリ コハル", "2000-02-29", "female", "090-1010-3319", "890-0053", "鹿児島県", "鹿児島市中央町19-7", null, "学生"),
			DemoMember.of("riku.abe@example.jp", "阿部 陸", "アベ リク", "1966-11-11", "male", "080-2020-4420", "920-0858", "石川県", "金沢市木ノ新保町20-8", null, "自営業"),
			DemoMember.of("hina.ikeda@example.jp", "池田 陽菜", "イケダ ヒナ", "1997-01-17", "female", "070-3030-5521", "650-0021", "兵庫県", "神戸市中央区三宮町21-9", "三宮ベイ 2101", "会社員"),
			DemoMember.of("kaito.hashimoto@example.jp", "橋本 海斗", "ハシモト カイト", "1989-06-06", "male", "090-4040-6622", "760-0011", "香川県", "高松市浜ノ町22-10", null, "漁業"),
			DemoMember.of("emma.wilson@example.com", "Emma Wilson", "エマ ウィルソン", "1991-09-14", "female", "080-5050-7723", "150-0041", "東京都", "渋谷区神南23-1", "Jinnan Flats 4F", "翻訳者"),
			DemoMember.of("luca.rossi@example.com", "Luca Rossi", "ルカ ロッシ", "1984-03-27", "male", "070-6060-8824", "604-8005", "京都府", "京都市中京区河原町通三条上る24", null, "料理人"));

}
