package org.misemori.bench;

import java.time.LocalDate;
import java.util.Random;

/** A made-up member with every personal field the vault seals, Japanese where the field is. */
record DemoPerson(String name, String kana, LocalDate birthDate, String gender, String email, String phone,
		String postalCode, String prefecture, String address, String building, String occupation, boolean active) {

	private static final String[][] FAMILY = { { "佐藤", "サトウ", "sato" }, { "鈴木", "スズキ", "suzuki" },
			{ "高橋", "タカハシ", "takahashi" }, { "田中", "タナカ", "tanaka" }, { "伊藤", "イトウ", "ito" },
			{ "渡辺", "ワタナベ", "watanabe" }, { "山本", "ヤマモト", "yamamoto" }, { "中村", "ナカムラ", "nakamura" },
			{ "小林", "コバヤシ", "kobayashi" }, { "加藤", "カトウ", "kato" } };

	private static final String[][] GIVEN = { { "花子", "ハナコ", "hanako" }, { "太郎", "タロウ", "taro" },
			{ "陽菜", "ヒナ", "hina" }, { "蓮", "レン", "ren" }, { "結衣", "ユイ", "yui" }, { "湊", "ミナト", "minato" },
			{ "さくら", "サクラ", "sakura" }, { "大翔", "ヒロト", "hiroto" } };

	private static final String[][] PLACES = { { "東京都", "世田谷区奥沢三丁目", "158-0083" },
			{ "大阪府", "大阪市北区梅田二丁目", "530-0001" }, { "北海道", "札幌市中央区南一条西", "060-0061" },
			{ "福岡県", "福岡市博多区博多駅前", "812-0011" }, { "愛知県", "名古屋市中村区名駅", "450-0002" },
			{ "沖縄県", "那覇市久茂地一丁目", "900-0015" } };

	private static final String[] OCCUPATIONS = { "会社員", "自営業", "学生", "公務員", "主婦・主夫", "無職" };

	static DemoPerson of(long id, Random random) {
		String[] family = FAMILY[random.nextInt(FAMILY.length)];
		String[] given = GIVEN[random.nextInt(GIVEN.length)];
		String[] place = PLACES[random.nextInt(PLACES.length)];
		return new DemoPerson(family[0] + " " + given[0], family[1] + " " + given[1],
				LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)),
				random.nextBoolean() ? "female" : "male", given[2] + "." + family[2] + id + "@example.jp",
				String.format("090-%04d-%04d", random.nextInt(10_000), id % 10_000), place[2], place[0],
				place[1] + (1 + random.nextInt(30)) + "番" + (1 + random.nextInt(20)) + "号",
				random.nextInt(3) == 0 ? "メゾン見世守" + (101 + random.nextInt(400)) + "号室" : null,
				OCCUPATIONS[random.nextInt(OCCUPATIONS.length)], random.nextInt(10) != 0);
	}

}
