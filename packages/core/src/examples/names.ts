/**
 * First and last names for the synthetic examples. Names are common given names and surnames drawn at random
 * and combined freely, so every person in an example is fictional. The Flemish list keeps accented given names
 * (Anaïs, Joëlle, Chloé...) because a coordinator's sign-in sheet writes them with and without the accent.
 */

export const FLEMISH_FIRST_NAMES: readonly string[] = [
  'Anaïs', 'Joëlle', 'Chloé', 'Zoë', 'Noémie', 'Hélène', 'Inès', 'Renée', 'Gaëlle', 'Daphné', 'Raphaël', 'Michaël',
  'Joël', 'Noël', 'Bénédicte', 'Léa', 'Céline', 'Mélanie',
  'Sofie', 'Lotte', 'Els', 'Katrien', 'An', 'Griet', 'Veerle', 'Liesbeth', 'Sarah', 'Nathalie', 'Evelien', 'Ilse',
  'Hanne', 'Lien', 'Eline', 'Jolien', 'Marieke', 'Tine', 'Leen', 'Inge', 'Karen', 'Sien', 'Fien', 'Nele', 'Lore',
  'Femke', 'Ann-Sophie', 'Charlotte', 'Elke', 'Greet', 'Kaat', 'Lies', 'Marijke', 'Nancy', 'Ria', 'Saar', 'Silke',
  'Tinne', 'Wendy', 'Yasmina', 'Fatima', 'Samira', 'Nadia', 'Ayşe', 'Elif', 'Agnieszka', 'Oksana', 'Amina',
  'Bart', 'Tom', 'Pieter', 'Jeroen', 'Koen', 'Wim', 'Dirk', 'Steven', 'Kristof', 'Joris', 'Wouter', 'Jan', 'Geert',
  'Hans', 'Bram', 'Thomas', 'Jens', 'Stijn', 'Sander', 'Niels', 'Ruben', 'Matthias', 'Dries', 'Gert', 'Luc',
  'Marc', 'Peter', 'Filip', 'Frederik', 'Lieven', 'Jonas', 'Simon', 'Tim', 'Yannick', 'Mohamed', 'Youssef',
  'Karim', 'Mehmet', 'Emre', 'Piotr', 'Ibrahim',
];

export const FLEMISH_LAST_NAMES: readonly string[] = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Dubois', 'Hermans', 'Aerts', 'Lambrechts', 'Martens', 'Michiels', 'Van Damme', 'Cools', 'Vermeulen',
  'Van den Broeck', 'Verhaegen', 'Smets', 'Bogaerts', 'Verstraeten', 'De Clercq', 'Leemans', 'Wuyts', 'Van Dyck',
  'Segers', 'Verbruggen', 'Thys', 'Geerts', 'Nijs', 'Coppens', 'Van Looy', 'Baert', 'Heylen', 'Verhoeven',
  'Van Gorp', 'Stevens', 'Pauwels', 'Vandenberghe', 'De Backer', 'Dierckx', 'Schepers', 'Van Hove', 'Luyten',
  'Helsen', 'Verlinden', 'Geens', 'Van Camp', 'Boeckx', 'Mariën', 'Daems', 'Huysmans', 'Moens', 'Op de Beeck',
  'Vervoort', 'Engelen', 'Adriaensen', 'Verschueren', 'Sels', 'Van Roey', 'De Wever', 'Van Aken', 'Govaerts',
  'Raes', 'Vleugels', 'Smolders', 'Verbeeck', 'Wyns', 'Van Hoof', 'Kenis', 'Stroobants', 'Brems', 'Nuyts',
  'El Amrani', 'Benali', 'Bouzid', 'El Idrissi', 'Yilmaz', 'Kaya', 'Demir', 'Nowak', 'Kowalski', 'Haddou',
  'Mahieu', 'Vandamme', 'Van Hecke', 'Storms', 'Bosmans', 'Swinnen', 'Claessens', 'Loos', 'Dewit',
];

export const DUTCH_FIRST_NAMES: readonly string[] = [
  'Anne', 'Marloes', 'Femke', 'Sanne', 'Lisa', 'Eva', 'Iris', 'Judith', 'Marieke', 'Esther', 'Karin', 'Monique',
  'Ingrid', 'Linda', 'Miriam', 'Petra', 'Saskia', 'Wendy', 'Yvonne', 'Ellen', 'Hanneke', 'Ilse', 'Janneke',
  'Kim', 'Laura', 'Maaike', 'Nienke', 'Roos', 'Suzanne', 'Tamara', 'Anouk', 'Charlotte', 'Danielle', 'Fleur',
  'Inge', 'Joyce', 'Lotte', 'Merel', 'Noor', 'Renske', 'Sophie', 'Willemijn', 'Fatma', 'Hatice', 'Khadija',
  'Naima', 'Priya', 'Sharon', 'Denise', 'Mirjam',
  'Jeroen', 'Bas', 'Martijn', 'Thijs', 'Rutger', 'Sander', 'Erik', 'Frank', 'Hans', 'Jasper', 'Joost', 'Koen',
  'Maarten', 'Niels', 'Pieter', 'Rob', 'Ruud', 'Stefan', 'Tim', 'Vincent', 'Wouter', 'Bram', 'Daan', 'Gijs',
  'Hidde', 'Jelle', 'Lars', 'Mark', 'Remco', 'Roel', 'Mohamed', 'Hamza', 'Emre', 'Rachid', 'Dennis', 'Arjen',
];

export const DUTCH_LAST_NAMES: readonly string[] = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan',
  'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden',
  'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster',
  'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'de Leeuw', 'Kuipers', 'van Wijk', 'Postma',
  'Kramer', 'van den Bosch', 'Vink', 'Timmermans', 'Groen', 'Gerritsen', 'Bosman', 'Verbeek', 'Martens',
  'van Rijn', 'Wouters', 'Claassen', 'van Loon', 'Rutten', 'Hermans', 'Aydın', 'Yıldız', 'El Khatib', 'Bouali',
  'Öztürk', 'Ramdin', 'Sewnath', 'Kartosen', 'Nijhof', 'Brinkman',
];
